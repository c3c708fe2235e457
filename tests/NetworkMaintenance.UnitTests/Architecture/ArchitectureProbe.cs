// Fixture of ArchitectureRules.TheRulesReportABreach: two "features" of this test assembly, one breaking the rules.
#pragma warning disable CA1812, CA1822, CA1515, IDE0051
namespace NetworkMaintenance.Web.Features.ProbeB
{
    public sealed class ProbeController : Microsoft.AspNetCore.Mvc.Controller
    {
        public static string Name() => "probe";
    }

    internal static class Helper
    {
        public static int Value() => 1;
    }

    public static class Service
    {
        internal static int Hidden() => 2;

        public static int Open() => 3;
    }
}

namespace NetworkMaintenance.Web.Features.ProbeA
{
    public static class Caller
    {
        public static string Call() =>
            ProbeB.ProbeController.Name() + ProbeB.Helper.Value() + ProbeB.Service.Hidden() + ProbeB.Service.Open();
    }
}
