using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>Thrown by a feature service when the record named in the URL does not exist: the user sees 404.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Turns <see cref="NotFoundException"/> into a 404 response instead of an error page.</summary>
public sealed class NotFoundExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is NotFoundException)
        {
            context.Result = new NotFoundResult();
            context.ExceptionHandled = true;
        }
    }
}
