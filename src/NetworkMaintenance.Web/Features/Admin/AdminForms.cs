using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace NetworkMaintenance.Web.Features.Admin;

/// <summary>
/// The one way an administrator's form is saved (users, OPDs, units): validate; save; when the input or the domain
/// refuses, draw the form again with the reasons; on success go on with a one-shot message (post/redirect/get).
/// </summary>
internal static class AdminForms
{
    public static async Task<IActionResult> SaveAsync<TInput>(this Controller controller, IValidator<TInput> validator,
        TInput input, Func<Task> save, Func<Task<IActionResult>> form, Func<string> success, IActionResult next)
    {
        if (!await validator.ValidateIntoAsync(input, controller.ModelState)) return await form();
        try
        {
            await save();
        }
        catch (DomainException ex)
        {
            controller.ModelState.AddDomainError(ex);
            return await form();
        }
        controller.TempData.Success(success());
        return next;
    }
}
