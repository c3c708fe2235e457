namespace NetworkMaintenance.Core.Domain;

/// <summary>
/// A rule of the domain was broken. The message is written in Indonesian for the person who acted;
/// the web layer shows it as a form error.
/// </summary>
public class DomainException(string message) : Exception(message);
