namespace NetworkMaintenance.Core.Domain.Sla;

/// <summary>Where a report stands against the 24-hour promise.</summary>
public enum SlaState
{
    /// <summary>Running, more than the warning threshold left.</summary>
    OnTime,
    /// <summary>Running, within the warning threshold of the deadline.</summary>
    Warning,
    /// <summary>Running, past the deadline.</summary>
    Breached,
    /// <summary>The clock is paused (waiting for the reporter or a device).</summary>
    Paused,
    /// <summary>Work completed within the target.</summary>
    Met,
    /// <summary>Work completed after the target.</summary>
    Missed,
    /// <summary>Rejected reports are not measured.</summary>
    NotApplicable,
}

/// <summary>Why the clock was paused.</summary>
public enum SlaPauseReason
{
    WaitingForReporter,
    WaitingForDevice,
}

public static class SlaLabels
{
    public static string Of(SlaState s) => s switch
    {
        SlaState.OnTime => "Tepat waktu",
        SlaState.Warning => "Mendekati batas",
        SlaState.Breached => "Melewati batas",
        SlaState.Paused => "Dijeda",
        SlaState.Met => "Memenuhi target",
        SlaState.Missed => "Tidak memenuhi target",
        SlaState.NotApplicable => "—",
        _ => s.ToString(),
    };

    public static string Of(SlaPauseReason r) => r switch
    {
        SlaPauseReason.WaitingForReporter => "Menunggu pelapor",
        SlaPauseReason.WaitingForDevice => "Menunggu perangkat",
        _ => r.ToString(),
    };
}
