namespace NetworkMaintenance.Web.Features.Admin;

/// <summary>One option of a &lt;select&gt; or a group of checkboxes.</summary>
public sealed record Choice(string Value, string Label);
