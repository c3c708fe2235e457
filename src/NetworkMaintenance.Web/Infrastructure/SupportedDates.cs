using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Dates and times the app can work with: years <see cref="MinYear"/> to <see cref="MaxYear"/>. A date outside them
/// (year 1, year 9999) would overflow when converted between WIB and UTC or when a day is added to an end date, and
/// end in a 500 page. Every bound <see cref="DateOnly"/> and <see cref="DateTime"/> (query strings and forms) outside
/// the range is refused at model binding with an Indonesian message in ModelState and left unset, so a list filter is
/// ignored and a form shows the message.
/// </summary>
public static class SupportedDates
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    public const string Message = "Tanggal di luar rentang yang didukung (tahun 1900 sampai 2200).";

    public static bool IsSupported(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>The first model binder provider of MVC: wraps the standard binder of the date types.</summary>
    public sealed class BinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.UnderlyingOrModelType;
            if (type != typeof(DateOnly) && type != typeof(DateTime)) return null;
            var loggers = context.Services.GetRequiredService<ILoggerFactory>();
            return new Binder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
        }
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet) return;
            var year = bindingContext.Result.Model switch
            {
                DateOnly d => d.Year,
                DateTime t => t.Year,
                _ => MinYear,
            };
            if (IsSupported(year)) return;
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }
}
