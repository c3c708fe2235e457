using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkMaintenance.Core.Documents.Models;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// A document model as JSON: stored with every issued document, so that the same snapshot can be rendered again
/// (the wet-signature print) without reading the report, whose data moves on. Images (logo, signature) are base64.
/// Rendering a snapshot read back gives the same bytes as rendering the original model (unit-tested).
/// </summary>
public static class DocumentSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    public static string Serialize(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, document.GetType(), Options);
    }

    /// <summary>Reads a snapshot of model type <paramref name="modelType"/> (a concrete <see cref="OfficialDocument"/>).</summary>
    public static OfficialDocument Deserialize(string json, Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        if (!typeof(OfficialDocument).IsAssignableFrom(modelType) || modelType.IsAbstract)
            throw new ArgumentException($"{modelType.Name} is not a document model.", nameof(modelType));
        return (OfficialDocument?)JsonSerializer.Deserialize(json, modelType, Options)
            ?? throw new InvalidOperationException("Empty document snapshot.");
    }
}
