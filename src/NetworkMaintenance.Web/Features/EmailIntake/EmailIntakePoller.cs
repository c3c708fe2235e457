using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.EmailIntake;

/// <summary>What one poll did.</summary>
public sealed record PollResult(int Reports, int Replies, int Unknown, int AlreadyProcessed, int Failed);

/// <summary>
/// One pass over the mailbox (docs/email-intake.md): every message in <c>EmailIntake:Folder</c> is imported
/// (<see cref="EmailImport"/>, which records its Message-ID with its effect), then flagged \Seen and moved to the
/// processed folder, or to the unknown folder when no report or note came of it. A crash between the import and the
/// move leaves the message in the inbox: the next pass finds its Message-ID recorded and only moves it.
/// </summary>
public sealed class EmailIntakePoller(IServiceScopeFactory scopes, IOptions<EmailIntakeOptions> options, ILogger<EmailIntakePoller> logger)
{
    public async Task<PollResult> PollOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("EmailIntake:Host is not set."), o.Port, o.Security, ct);
        await client.AuthenticateAsync(o.Username ?? "", o.Password ?? "", ct);
        var inbox = string.Equals(o.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(o.Folder, ct);
        var processed = await FolderAsync(client, o.ProcessedFolder, ct);
        var unknown = await FolderAsync(client, o.UnknownFolder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);

        int reports = 0, replies = 0, unknowns = 0, again = 0, failed = 0;
        var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, ct);
        foreach (var uid in uids.Take(o.MaxMessagesPerPoll))
        {
            ImportResult result;
            try
            {
                var message = await inbox.GetMessageAsync(uid, ct);
                // A scope per message: one message's failure leaves no tracked entities behind for the next.
                await using var scope = scopes.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<EmailImport>().ImportAsync(message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IOException and not ServiceNotConnectedException)
            {
                // Left in the inbox (unseen) for the next pass; the log says why.
                failed++;
                logger.LogError(ex, "E-mail {Uid} could not be imported; it stays in {Folder}", uid, o.Folder);
                continue;
            }
            if (result.AlreadyProcessed) again++;
            else if (result.Outcome == InboundEmailOutcome.Report) reports++;
            else if (result.Outcome == InboundEmailOutcome.Reply) replies++;
            else unknowns++;
            var target = result.Outcome is InboundEmailOutcome.Report or InboundEmailOutcome.Reply ? processed : unknown;
            await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
            await inbox.MoveToAsync(uid, target, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
        if (uids.Count > 0)
        {
            logger.LogInformation("E-mail intake: {Reports} reports, {Replies} replies, {Unknown} unknown or unusable, {Again} already imported, {Failed} failed",
                reports, replies, unknowns, again, failed);
        }
        return new PollResult(reports, replies, unknowns, again, failed);
    }

    /// <summary>The folder named <paramref name="name"/> at the top of the personal namespace, created when missing.</summary>
    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var existing = (await root.GetSubfoldersAsync(false, ct)).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null) return existing;
        var created = await root.CreateAsync(name, true, ct)
            ?? throw new InvalidOperationException($"The IMAP server did not create the folder '{name}'.");
        await created.SubscribeAsync(ct);
        return created;
    }
}

/// <summary>Runs the <see cref="EmailIntakePoller"/> every <c>EmailIntake:PollSeconds</c> when enabled; one instance at a time (a lease).</summary>
public sealed class EmailIntakeService(IServiceScopeFactory scopes, EmailIntakePoller poller, IOptions<EmailIntakeOptions> options,
    TimeProvider time, InstanceIdentity instance, ILogger<EmailIntakeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            // A timer of a test's fake clock completes the tick inline: the pass goes on on the thread pool.
            await Task.Yield();
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (!await JobLeases.TryAcquireAsync(db, JobLeases.EmailIntake, instance.Id, time.GetUtcNow().UtcDateTime, stoppingToken)) continue;
                }
                await poller.PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The password is never in the message: MailKit's authentication error names only the server's answer.
                logger.LogError(ex, "E-mail intake pass against {Host}:{Port} failed", options.Value.Host, options.Value.Port);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
