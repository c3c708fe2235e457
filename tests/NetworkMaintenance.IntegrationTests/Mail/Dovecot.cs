using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace NetworkMaintenance.IntegrationTests.Mail;

/// <summary>
/// Debian's dovecot (dovecot-imapd, installed by .ci/run) as a private IMAP server on a free loopback port: its
/// configuration, a passwd-file with one user, its state and the user's maildir all live in a temporary folder. No TLS
/// (loopback only). Run as root, dovecot's own users run its processes and own the mail; otherwise the current user.
/// </summary>
public sealed class Dovecot : IDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string User = "layanan";
    public const string Password = "rahasia-uji-imap";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nm-dovecot-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; private set; }

    public static async Task<Dovecot> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: install Debian's dovecot-imapd package (.ci/run installs it) to run this test.");
        }
        var dovecot = new Dovecot();
        try
        {
            await dovecot.StartServerAsync();
            return dovecot;
        }
        catch
        {
            dovecot.Dispose();
            throw;
        }
    }

    private async Task StartServerAsync()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("Debian's dovecot runs on Linux.");
        Directory.CreateDirectory(Path.Combine(_directory, "run"));
        Directory.CreateDirectory(Path.Combine(_directory, "state"));
        Directory.CreateDirectory(Path.Combine(_directory, "home"));
        var root = geteuid() == 0;
        // The mail user creates its maildir under home/: the folder must be open to it.
        File.SetUnixFileMode(_directory, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(Path.Combine(_directory, "home"), (UnixFileMode)Convert.ToInt32("777", 8));
        var internalUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        var uid = root ? "dovecot" : geteuid().ToString(CultureInfo.InvariantCulture);
        var gid = root ? "dovecot" : getegid().ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(_directory, "users"), $"{User}:{{PLAIN}}{Password}\n");
        Port = FreePort();
        var config = Path.Combine(_directory, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{_directory}}/run
            state_dir = {{_directory}}/state
            log_path = /dev/stderr
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_internal_group = {{(root ? "dovecot" : gid)}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:~/Maildir
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_directory}}/users
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{_directory}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              inet_listener pop3 {
                port = 0
              }
            }
            service submission-login {
              inet_listener submission {
                port = 0
              }
            }
            """);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-F", "-c", config }) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start.");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Polls the port until dovecot greets (no fixed sleep).
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException("dovecot exited:\n" + Output);
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or ImapProtocolException or AuthenticationException)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("dovecot did not answer:\n" + Output, ex);
                await Task.Delay(50);
            }
        }
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A signed-in IMAP client of the test user.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Delivers <paramref name="message"/> into the inbox, unread (what a mail server's delivery does).</summary>
    public async Task AppendAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
        await client.DisconnectAsync(true);
    }

    /// <summary>The messages of <paramref name="folder"/> (null when it does not exist) with their flags.</summary>
    public async Task<IReadOnlyList<(MimeMessage Message, MessageFlags Flags)>?> FolderAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder box;
        if (folder == "INBOX")
        {
            box = client.Inbox;
        }
        else
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            var found = (await root.GetSubfoldersAsync(false)).FirstOrDefault(f => f.Name == folder);
            if (found is null) return null;
            box = found;
        }
        await box.OpenAsync(FolderAccess.ReadOnly);
        var list = new List<(MimeMessage, MessageFlags)>();
        if (box.Count > 0)
        {
            foreach (var summary in await box.FetchAsync(0, -1, MessageSummaryItems.Flags | MessageSummaryItems.UniqueId))
            {
                list.Add((await box.GetMessageAsync(summary.UniqueId), summary.Flags ?? MessageFlags.None));
            }
        }
        await client.DisconnectAsync(true);
        return list;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            // dovecot -F is the master: killing its tree stops the login, auth and imap processes it started.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static uint geteuid() => Id("Uid:");

    private static uint getegid() => Id("Gid:");

    /// <summary>The effective user or group id of this process (the second number of its line in /proc/self/status).</summary>
    private static uint Id(string line) =>
        uint.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(line, StringComparison.Ordinal))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
}
