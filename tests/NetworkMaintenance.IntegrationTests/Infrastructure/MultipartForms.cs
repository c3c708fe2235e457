using System.Net.Http.Headers;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>A file as a browser sends it in a multipart form.</summary>
public sealed record UploadFile(string FieldName, string FileName, string ContentType, byte[] Content);

public static class MultipartForms
{
    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the antiforgery token of its form posting to <paramref name="formAction"/>,
    /// and posts <paramref name="fields"/> and <paramref name="files"/> as multipart/form-data, as a browser does.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(this WebSession session, string pageUrl, string formAction,
        IEnumerable<KeyValuePair<string, string>> fields, params UploadFile[] files)
    {
        var html = await session.GetPageAsync(pageUrl);
        var token = WebPageHelpers.GetRequestVerificationToken(html, formAction);
        return await session.PostMultipartWithTokenAsync(formAction, fields, token, files);
    }

    /// <summary>Posts <paramref name="fields"/> and <paramref name="files"/> as multipart/form-data with an antiforgery token already read.</summary>
    public static async Task<HttpResponseMessage> PostMultipartWithTokenAsync(this WebSession session, string formAction,
        IEnumerable<KeyValuePair<string, string>> fields, string token, params UploadFile[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new(WebPageHelpers.TokenFieldName, token)))
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }
        return await session.Client.PostAsync(new Uri(formAction, UriKind.Relative), content);
    }
}
