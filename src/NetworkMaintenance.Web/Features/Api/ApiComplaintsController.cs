using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.PublicPages;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// Complaints about the service over the API (a city portal passing them on): the public form's validator and
/// <see cref="ComplaintService"/>. Any valid token may file and track; tracking needs the complaint's code, as on /lacak.
/// </summary>
public sealed class ApiComplaintsController(ComplaintService complaints) : ApiControllerBase
{
    /// <summary>Files a complaint; the answer carries its number and tracking code.</summary>
    [HttpPost("complaints", Name = "CreateComplaint")]
    [EndpointSummary("Kirim pengaduan")]
    [ProducesResponseType<ApiComplaintCreated>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> Create([FromBody] ApiNewComplaint body, [FromServices] IValidator<ComplaintInput> validator,
        CancellationToken ct)
    {
        var input = new ComplaintInput
        {
            Name = body.Name, Phone = body.Phone, Email = body.Email, Channel = body.Channel, Text = body.Text,
            ReportNumber = body.ReportNumber,
            FormToken = string.IsNullOrEmpty(body.IdempotencyKey) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) : body.IdempotencyKey,
        };
        if (!await validator.ValidateIntoAsync(input, ModelState)) return ValidationFailed();
        try
        {
            var complaint = await complaints.ReceiveAsync(new NewComplaint(input.Name, PhoneNumber.NormalizeOrNull(input.Phone),
                input.Email, input.Channel, input.Text, input.ReportNumber, input.FormToken), upload: null, ct);
            return CreatedAtRoute("TrackComplaint", new { number = complaint.Number, code = complaint.TrackingCode },
                new ApiComplaintCreated(complaint.Number, complaint.TrackingCode));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return ValidationFailed();
        }
    }

    /// <summary>A complaint's status and answer, given its number and tracking code; a wrong code is a 404.</summary>
    [HttpGet("complaints/{number}", Name = "TrackComplaint")]
    [EndpointSummary("Lacak pengaduan")]
    [ProducesResponseType<ApiComplaintStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Track(string number, [FromQuery] string? code, CancellationToken ct) =>
        await complaints.TrackAsync(number, code, ct) is { } tracked
            ? Ok(ApiComplaintStatus.From(tracked))
            : Problem(StatusCodes.Status404NotFound, "Pengaduan tidak ditemukan. Periksa kembali nomor dan kode pelacakan.");
}
