using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace StackFloor;

public static class FloorBaseline
{
    public static async Task<IResult> ReportAsync(string connectionString, int id, CancellationToken ct)
    {
        var html = new StringBuilder("<!doctype html><html><body>");
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in (string[])["SELECT * FROM Items WHERE Id = $id", "SELECT * FROM ItemEvents WHERE ItemId = $id ORDER BY AtUtc"])
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            html.Append("<table>");
            while (await reader.ReadAsync(ct))
            {
                html.Append("<tr>");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))).Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        return Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
    }
}
