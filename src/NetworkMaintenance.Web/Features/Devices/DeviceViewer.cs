using System.Security.Claims;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// Who looks at the register and what they may do: the administrator and the Kasi manage it, the Kasi and the
/// technicians handle spares, an OPD's reporter sees only the devices of their OPD (<see cref="OnlyOpdId"/>).
/// </summary>
public sealed record DeviceViewer(string ActorName, bool CanManage, bool CanHandleSpares, int? OnlyOpdId, bool IsOpdStaff)
{
    public static DeviceViewer Of(ClaimsPrincipal user)
    {
        var opdStaff = user.IsReporter();
        return new DeviceViewer(
            user.FullName(),
            CanManage: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.KepalaSeksi),
            CanHandleSpares: user.IsInRole(Roles.KepalaSeksi) || user.IsInRole(Roles.Teknisi),
            // A reporter without an OPD sees nothing (-1 matches no device).
            OnlyOpdId: opdStaff ? user.OpdId() ?? -1 : null,
            IsOpdStaff: opdStaff);
    }

    public bool MaySee(int? deviceOpdId) => OnlyOpdId is null || OnlyOpdId == deviceOpdId;
}
