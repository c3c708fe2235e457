namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>
/// The outbox row of a document whose PDF is still to be rendered: written in the transaction that issues the document
/// (<see cref="IssuedDocument.IssuePending"/>) and removed in the transaction that stores the rendered file, so a crash
/// between the two leaves the row for the renderer to pick up at the next start and a file is never stored twice.
/// </summary>
public class PendingDocumentRender
{
    private PendingDocumentRender() { }

    public PendingDocumentRender(IssuedDocument document, DateTime queuedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        QueuedAtUtc = queuedAtUtc;
    }

    /// <summary>The document (its key): at most one pending render per document version.</summary>
    public int IssuedDocumentId { get; private set; }

    public IssuedDocument? Document { get; private set; }

    public DateTime QueuedAtUtc { get; private set; }
}
