using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// A download written to the response as it is produced (the exports, issue #18 point 4): the headers (type,
/// <c>attachment</c> with the file name, whatever the action set before) leave first, then <c>write</c> fills the body,
/// which the server sends chunked (no Content-Length: the size is not known before the last row). Nothing holds the
/// whole file: the memory a download needs does not grow with its rows.
/// </summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public string ContentType { get; } = contentType;
    public string FileName { get; } = fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(http.RequestAborted);
        await write(response.Body, http.RequestAborted);
    }
}
