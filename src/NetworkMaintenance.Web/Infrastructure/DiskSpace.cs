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

/// <summary>
/// "No space left on device" as .NET reports it: on Linux an <see cref="IOException"/> whose HResult is the errno
/// ENOSPC (28), on Windows ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL. Such a failure answers the 503 page (with
/// Retry-After), like an unavailable database: the request was fine, the server cannot take it now.
/// </summary>
public static class DiskFull
{
    private const int Enospc = 28;
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException { HResult: Enospc or ErrorDiskFull or ErrorHandleDiskFull }) return true;
        }
        return false;
    }
}
