namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// How much space is free where the app writes files. One place for every check that needs it: the floor below which
/// anonymous uploads are refused (<c>Uploads:MinFreeBytes</c>), and a readiness check can report it too. Tests put a
/// fake in its place to play a nearly full disk.
/// </summary>
public interface IDiskSpace
{
    /// <summary>Bytes available to the app on the file system holding <paramref name="directory"/> (created if missing).</summary>
    long AvailableBytes(string directory);
}

/// <summary>The real file system: <see cref="DriveInfo.AvailableFreeSpace"/> of the volume holding the folder.</summary>
public sealed class DiskSpace : IDiskSpace
{
    public long AvailableBytes(string directory)
    {
        Directory.CreateDirectory(directory);
        return new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace;
    }
}
