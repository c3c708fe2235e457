using System.Net.Http.Headers;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>A file to upload in a multipart form.</summary>
public sealed record UploadFile(string FieldName, string FileName, byte[] Bytes, string ContentType = "application/octet-stream");

public static class IntakeHelpers
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Pdf = "%PDF-1.4\n%test\n"u8.ToArray();
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    /// <summary>Loads the page, takes the antiforgery token of the form posting to <paramref name="formAction"/>, posts multipart.</summary>
    public static Task<HttpResponseMessage> PostMultipartAsync(this WebSession session, string pageUrl, string formAction,
        IEnumerable<KeyValuePair<string, string>> fields, params UploadFile[] files) =>
        session.PostMultipartAsync(pageUrl, formAction, formAction, fields, files);

    /// <summary>Posts to <paramref name="formAction"/> with the user's valid token taken from another form (<paramref name="tokenForm"/>).</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this WebSession session, string pageUrl, string tokenForm,
        string formAction, IEnumerable<KeyValuePair<string, string>> fields, params UploadFile[] files)
    {
        var html = await session.GetPageAsync(pageUrl);
        var token = WebPageHelpers.GetRequestVerificationToken(html, tokenForm);
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        content.Add(new StringContent(token), WebPageHelpers.TokenFieldName);
        foreach (var f in files)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(f.ContentType);
            content.Add(part, f.FieldName, f.FileName);
        }
        return await session.Client.PostAsync(new Uri(formAction, UriKind.Relative), content);
    }

    /// <summary>The fields of a front-desk report; the caller adds the channel's own fields.</summary>
    public static Form FrontDeskReport(int opdId, string channel, string description = "Jaringan di ruang rapat putus sejak pagi") => new Form()
        .Set("Channel", channel)
        .Set("OpdId", TestData.Id(opdId))
        .Set("ReporterName", "Budi Santoso")
        .Set("ReporterPhone", "0812 6111 2233")
        .Set("Location", "Gedung B lantai 1, ruang rapat")
        .Set("Category", "NoInternet")
        .Set("Description", description)
        .Set("ConfirmDuplicate", "true");

    public static int IdFrom(string location) =>
        int.Parse(location["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
