using System.Runtime.InteropServices;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Operations;

/// <summary>
/// The C library's free memory handed back to the operating system (<see cref="NativeMemoryTrim"/>): memory that was
/// allocated with <c>malloc</c>, written and freed stays resident until the trim, and is gone from the resident set after it.
/// </summary>
// Reads the process's resident set: alone, so that no other test allocates meanwhile.
[Collection(nameof(NativeMemoryTrimTests))]
public sealed class NativeMemoryTrimTests
{
    [Fact]
    public void FreedNativeMemoryLeavesTheResidentSetOnTheTrim()
    {
        Assert.True(NativeMemoryTrim.Available, "this machine runs Linux with glibc, which has malloc_trim");
        const int Block = 1024, Count = 64 * 1024; // 64 MB in blocks below glibc's mmap threshold: they come from an arena
        var blocks = new IntPtr[Count];
        for (var i = 0; i < Count; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Block);
            Marshal.WriteByte(blocks[i], 0, 1); // touched: resident
        }
        // The last block stays allocated above the freed ones, so glibc cannot give them back by shrinking its heap's top.
        var keep = Marshal.AllocHGlobal(Block);
        try
        {
            for (var i = 0; i < Count; i++) Marshal.FreeHGlobal(blocks[i]);
            var before = ResidentBytes();

            Assert.True(NativeMemoryTrim.Trim(), "malloc_trim released nothing");

            var released = before - ResidentBytes();
            Assert.True(released > 32L * 1024 * 1024, $"only {released / 1024 / 1024} MB of the 64 MB freed left the resident set");
        }
        finally
        {
            Marshal.FreeHGlobal(keep);
        }
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3601, false)]
    public void TheIntervalIsASettingFromNeverToAnHour(int seconds, bool valid)
    {
        var problems = new CacheOptionsValidator().Check(new CacheOptions { NativeMemoryTrimSeconds = seconds }).ToList();
        Assert.Equal(valid, problems.Count == 0);
    }

    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
}

/// <summary>Runs <see cref="NativeMemoryTrimTests"/> after the other tests, never beside them.</summary>
[CollectionDefinition(nameof(NativeMemoryTrimTests), DisableParallelization = true)]
public sealed class NativeMemoryTrimRunsAlone;
