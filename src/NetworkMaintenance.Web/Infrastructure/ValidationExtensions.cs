using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Runs the validator explicitly and copies its messages into ModelState. Returns true when valid.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState,
        string prefix = "")
    {
        var result = await validator.ValidateAsync(input);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
        return result.IsValid && modelState.IsValid;
    }

    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string key = "")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }

    /// <summary>Shows a broken domain rule on the form: on its fields when it names them, otherwise above the form.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException exception)
    {
        if (exception is FormErrorException form)
        {
            foreach (var error in form.Errors)
            {
                modelState.AddModelError(error.Field, error.Message);
            }
            return;
        }
        modelState.AddModelError("", exception.Message);
    }
}
