using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>One message for one form field ("" for the form as a whole).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// A <see cref="DomainException"/> that knows which form fields it is about, so the form can mark them
/// (a duplicate name, a parent unit of the wrong kind, a password Identity refused).
/// </summary>
public sealed class FormErrorException : DomainException
{
    public FormErrorException(string field, string message) : base(message) => Errors = [new(field, message)];

    public FormErrorException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }
}
