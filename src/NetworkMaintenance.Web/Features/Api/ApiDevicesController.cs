using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Devices;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// The device register over the API (docs/devices.md, docs/api.md): the list with the filters of /perangkat and the
/// device with its history and reports, read through <see cref="DeviceRegister"/> for the token's user exactly as the
/// web pages read it (<see cref="DeviceViewer"/>: an OPD's reporter sees only the devices of their OPD, another
/// device answers 404).
/// </summary>
[Authorize(Policy = Policies.DeviceReader)]
public sealed class ApiDevicesController(DeviceRegister register) : ApiControllerBase
{
    public const int MaxPageSize = 100;

    /// <summary>Devices the token's user may see, filtered as the list /perangkat.</summary>
    /// <remarks>Filters: q (brand/type, serial number, kode barang, IP, MAC, building, room), opdId (0: the data-center
    /// store), kind, status, flagged (repeat faults awaiting a decision); page (from 1) and pageSize (1–100, default 50).</remarks>
    [HttpGet("devices", Name = "ListDevices")]
    [EndpointSummary("Daftar perangkat")]
    [ProducesResponseType<ApiPage<ApiDeviceSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List([FromQuery] DeviceFilter filter, [FromQuery] int pageSize = DeviceRegister.PageSize,
        CancellationToken ct = default)
    {
        var rows = await register.ListAsync(filter, DeviceViewer.Of(User), Math.Clamp(pageSize, 1, MaxPageSize), ct);
        return Ok(new ApiPage<ApiDeviceSummary>(rows.Items.Select(ApiDeviceSummary.From).ToList(), rows.TotalCount, rows.Page, rows.PageSize));
    }

    /// <summary>One device with its history and the reports that name it; 404 when it does not exist or the token's user may not see it.</summary>
    [HttpGet("devices/{id:int}", Name = "GetDevice")]
    [EndpointSummary("Detail perangkat dengan riwayat dan laporannya")]
    [ProducesResponseType<ApiDevice>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {
        var scanUrl = Url.Action(nameof(DevicesController.Scan), DevicesController.Name, new { id }, Request.Scheme)!;
        return await register.PageAsync(id, DeviceViewer.Of(User), scanUrl, ct) is { } page
            ? Ok(ApiDevice.From(page))
            : Problem(StatusCodes.Status404NotFound, "Perangkat tidak ditemukan atau tidak dapat Anda lihat.");
    }
}
