namespace NetworkMaintenance.Core.Domain;

/// <summary>A named counter (e.g. "GJ-2026" for report numbers of 2026). Values are never reused.</summary>
public class NumberSequence
{
    private NumberSequence() { }

    public NumberSequence(string name, long lastValue)
    {
        Name = name;
        LastValue = lastValue;
    }

    public string Name { get; private set; } = "";
    public long LastValue { get; private set; }
}
