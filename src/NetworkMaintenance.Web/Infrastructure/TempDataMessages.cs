using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>One-shot messages shown by the layout after a redirect (post/redirect/get).</summary>
public static class TempDataMessages
{
    public const string SuccessKey = "nm.success";
    public const string ErrorKey = "nm.error";

    public static void Success(this ITempDataDictionary tempData, string message) => tempData[SuccessKey] = message;
    public static void Error(this ITempDataDictionary tempData, string message) => tempData[ErrorKey] = message;
}
