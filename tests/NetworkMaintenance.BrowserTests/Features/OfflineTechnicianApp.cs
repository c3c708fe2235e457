using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The technician's phone app (docs/offline.md) in Chromium at 390 × 844 with the browser context set offline: the
/// assignments open without a network, steps recorded offline wait in the outbox across a reload and arrive in order
/// with their original times; a report the Kasi returned meanwhile is a conflict the technician decides on; signing
/// out clears the caches and the outbox, and afterwards nothing of the technician's is served offline.
/// </summary>
[Collection(WorkflowBrowserCollectionDefinition.Name)]
public sealed class OfflineTechnicianApp(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        return options;
    }

    [Fact]
    public Task AnInspectionWithAPhotoAndASignatureRecordedOfflineArrivesInOrderWithItsTimes() => RunAsync(async () =>
    {
        var id = await OnSiteInspectionAsync("Ruang arsip BKD lantai 1");
        await SignInAsync("teknisi");
        await OpenOfflineAppAsync(id);

        await Page.Context.SetOfflineAsync(true);
        await Expect(Page.GetByTestId("net-state")).ToHaveTextAsync("Tanpa jaringan (luring)");
        var card = Card(id);
        await card.Locator("[data-step=InspectRepair]").ClickAsync();
        await Page.GetByLabel("Temuan").FillAsync("Kabel patch longgar pada switch ruang arsip");
        await Page.GetByLabel("Foto (kamera)").SetInputFilesAsync(new FilePayload
        {
            Name = "foto.png", MimeType = "image/png", Buffer = await IconAsync(),
        });
        await Expect(Page.Locator("#photo-state[data-ready='1']")).ToBeAttachedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Simpan di ponsel" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("1");

        await card.Locator("[data-step=CompleteWork]").ClickAsync();
        await Page.GetByLabel("Tindakan yang dilakukan").FillAsync("Memasang ulang kabel patch dan menguji koneksi");
        // Two repaired devices: "Tambah perangkat" gives the second row its own labelled fields.
        await Page.GetByLabel("Nama perangkat").FillAsync("Kabel patch Cat6");
        await Page.GetByLabel("Kondisi").SelectOptionAsync("RusakRingan");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tambah perangkat" }).ClickAsync();
        await Expect(Page.GetByLabel("Nama perangkat")).ToHaveCountAsync(2);
        await Expect(Page.GetByLabel("Nama perangkat").Nth(1)).ToBeFocusedAsync();
        await Page.GetByLabel("Nama perangkat").Nth(1).FillAsync("Konektor RJ45");
        await Page.GetByLabel("Nomor seri", new() { Exact = true }).Nth(1).FillAsync("RJ45-0042");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Simpan di ponsel" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("2");

        await card.Locator("[data-step=AcknowledgeOnSite]").ClickAsync();
        await Page.GetByLabel("Nama pelapor yang menandatangani").FillAsync("Rina Marlina");
        await SignAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Simpan di ponsel" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("3");

        // The queue survives a reload without a network; the page comes from the service worker's cache.
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("3");
        await Expect(Page.GetByTestId("outbox").Locator("[data-status=pending]")).ToHaveCountAsync(3);
        await Expect(Page.GetByTestId("outbox")).ToContainTextAsync("Belum terkirim");
        await Expect(Card(id)).ToContainTextAsync("Ruang arsip BKD lantai 1");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        var doneAt = (await Page.EvaluateAsync<string[]>("() => NmOffline.outbox().then(items => items.map(i => i.doneAt))"))
            .Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime).ToList();

        await Page.Context.SetOfflineAsync(false);
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("0", new() { Timeout = 30_000 });

        var report = await QueryAsync(db => db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.KasiReview, report.Status);
        var synced = report.Events.Where(e => e.RecordedAtUtc is not null).OrderBy(e => e.Id).ToList();
        Assert.Equal([WorkflowAction.InspectRepair, WorkflowAction.CompleteWork, WorkflowAction.AcknowledgeOnSite], synced.Select(e => e.Action));
        for (var i = 0; i < synced.Count; i++) Assert.Equal(doneAt[i], synced[i].AtUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(doneAt[1], report.WorkCompletedAtUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.NotNull(report.AcknowledgementSignaturePng);
        var repaired = await QueryAsync(db => db.ReportDevices.Where(d => d.ReportId == id && d.Purpose == DevicePurpose.Repaired)
            .OrderBy(d => d.Id).Select(d => new { d.Name, d.SerialNumber }).ToListAsync());
        Assert.Equal(["Kabel patch Cat6", "Konektor RJ45"], repaired.Select(d => d.Name));
        Assert.Equal("RJ45-0042", repaired[1].SerialNumber);
        Assert.Equal(1, await QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == id && a.ContentType == "image/jpeg")));
        Assert.True(await QueryAsync(db => db.IssuedDocuments.AnyAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa)));

        await Page.GotoAsync($"/laporan/{id}");
        await Expect(Page.GetByTestId("recorded-later")).ToHaveCountAsync(3);
        await Expect(Page.GetByTestId("timeline")).ToContainTextAsync("Ditandatangani oleh Rina Marlina");
    });

    [Fact]
    public Task AReportTheKasiReturnedWhileThePhoneWasOfflineIsAConflictTheTechnicianSeesAndDiscards() => RunAsync(async () =>
    {
        var id = await CompletedOfflineAsync("Ruang rapat BKD lantai 2", "Wifi ruang rapat tidak tersambung, rapat pimpinan terganggu.",
            "Mengganti access point ruang rapat");

        // Meanwhile: the other technician completes on the web, the reporter acknowledges, the Kasi returns it.
        await SeedReports.StepAsync(Fixture.App.Services, id, "teknisi2", (_, actor) => Task.FromResult<Func<Report, DateTime, ReportEvent>>(
            (r, now) => r.CompleteWork(actor, new WorkReportInput("Restart access point", null, [], []), now)));
        await SeedReports.StepAsync(Fixture.App.Services, id, "pelapor", (_, actor) => Task.FromResult<Func<Report, DateTime, ReportEvent>>(
            (r, now) => r.Acknowledge(actor, null, now)));
        await SeedReports.StepAsync(Fixture.App.Services, id, "kasi", (_, actor) => Task.FromResult<Func<Report, DateTime, ReportEvent>>(
            (r, now) => r.Return(actor, "Lampirkan foto access point yang terpasang", now)));

        await Page.Context.SetOfflineAsync(false);
        var item = Page.GetByTestId("outbox").Locator("[data-status=conflict]");
        await Expect(item).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(item).ToContainTextAsync("sudah berubah");
        await Expect(item).ToContainTextAsync(Workflow.ActionLabel(WorkflowAction.Return));
        await Expect(item).ToContainTextAsync("Lampirkan foto access point yang terpasang");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        await item.GetByRole(AriaRole.Button, new() { Name = "Buang langkah ini" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("0");
        var teknisiId = await QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").Select(u => u.Id).SingleAsync());
        Assert.False(await QueryAsync(db => db.ReportEvents.AnyAsync(e => e.ReportId == id && e.Action == WorkflowAction.CompleteWork && e.ActorUserId == teknisiId)));
        Assert.Equal(ReportStatus.Revision, await QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    });

    [Fact]
    public Task AReportThatOnlyGainedANoteIsAConflictTheTechnicianResendsOnTheLatestVersionWithTheOriginalTime() => RunAsync(async () =>
    {
        var id = await CompletedOfflineAsync("Ruang server BKD lantai 1", "Switch ruang server mati, seluruh lantai 1 tanpa jaringan.",
            "Mengganti adaptor daya switch ruang server");
        var doneAt = DateTimeOffset.Parse((await Page.EvaluateAsync<string[]>("() => NmOffline.outbox().then(items => items.map(i => i.doneAt))"))[0],
            System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

        // Meanwhile the reporter's e-mail reply lands on the timeline: a new version, but nothing that stops the step.
        await SeedReports.StepAsync(Fixture.App.Services, id, "pelapor", (_, actor) => Task.FromResult<Func<Report, DateTime, ReportEvent>>(
            (r, now) => r.AddNote(actor, "Balasan email: lampu switch masih mati", now)));

        await Page.Context.SetOfflineAsync(false);
        var item = Page.GetByTestId("outbox").Locator("[data-status=conflict]");
        await Expect(item).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(item).ToContainTextAsync("lampu switch masih mati");
        Assert.Equal(ReportStatus.Repairing, await QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // The technician has read what changed and sends the step again on the latest version: applied once, at the
        // time the work was done.
        await item.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang pada versi terbaru" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("0", new() { Timeout = 30_000 });
        var report = await QueryAsync(db => db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
        var completed = Assert.Single(report.Events, e => e.Action == WorkflowAction.CompleteWork);
        Assert.Equal(doneAt, completed.AtUtc, TimeSpan.FromMilliseconds(1));
        Assert.NotNull(completed.RecordedAtUtc);
    });

    [Fact]
    public Task AResendTappedWhileASendIsStillUnderWayIsSentOnceThatSendEnds() => RunAsync(async () =>
    {
        var id = await CompletedOfflineAsync("Ruang server Dinkes lantai 1", "Router ruang server mati, seluruh gedung tanpa jaringan.",
            "Mengganti router ruang server");
        await SeedReports.StepAsync(Fixture.App.Services, id, "pelapor", (_, actor) => Task.FromResult<Func<Report, DateTime, ReportEvent>>(
            (r, now) => r.AddNote(actor, "Balasan email: router masih mati", now)));
        await Page.Context.SetOfflineAsync(false);
        var conflict = Page.GetByTestId("outbox").Locator("[data-status=conflict]");
        await Expect(conflict).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(Page.Locator("#message")).ToContainTextAsync("1 langkah belum terkirim", new() { Timeout = 30_000 });

        // Another send is under way (as when the service worker's sync finishes first and shows the conflict while
        // the page's own send still runs): it has read the outbox and waits for the assignments it reloads at the end.
        var assignmentLoads = 0;
        var secondLoadHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.Context.RouteAsync("**/teknisi/penugasan", async route =>
        {
            if (Interlocked.Increment(ref assignmentLoads) == 2)
            {
                secondLoadHeld.TrySetResult();
                await release.Task;
            }
            await route.ContinueAsync();
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kirim sekarang" }).ClickAsync();
        await secondLoadHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The technician resends meanwhile: the step waits for that send to end, then goes on its own.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang pada versi terbaru" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox").Locator("[data-status=pending]")).ToHaveCountAsync(1);
        release.SetResult();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("0", new() { Timeout = 30_000 });
        var report = await QueryAsync(db => db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.AwaitingAcknowledgement, report.Status);
        Assert.Single(report.Events, e => e.Action == WorkflowAction.CompleteWork);
    });

    [Fact]
    public Task SigningOutWarnsAboutUnsentStepsAndClearsTheCachesSoNothingIsServedOfflineAfterwards() => RunAsync(async () =>
    {
        var id = await OnSiteInspectionAsync("Ruang keuangan BKD lantai 3");
        await SignInAsync("teknisi");
        await OpenOfflineAppAsync(id);

        // The step cannot reach the server (the request fails as on a dead network): it stays in the outbox.
        await Page.Context.RouteAsync("**/teknisi/sinkron", route => route.AbortAsync("internetdisconnected"));
        await Card(id).Locator("[data-step=InspectReplace]").ClickAsync();
        await Page.GetByLabel("Temuan").FillAsync("Switch terbakar");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Simpan di ponsel" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("1");

        await Page.GotoAsync("/");
        string? warning = null;
        Page.Dialog += async (_, dialog) =>
        {
            warning = dialog.Message;
            await dialog.AcceptAsync();
        };
        await OpenUserMenuAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).ClickAsync();
        // The sign-out first counts the outbox, asks, and clears the caches and IndexedDB: on a busy machine that takes a while.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"), new() { Timeout = 30_000 });
        Assert.Contains("belum terkirim", warning, StringComparison.Ordinal);

        // The sign-in page loaded the app's static files again (they hold nothing of anyone); nothing else is kept.
        var cached = await Page.EvaluateAsync<string[]>("""
            async () => {
                const paths = [];
                for (const name of (await caches.keys()).filter(k => k.startsWith('nm-'))) {
                    for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
                }
                return paths;
            }
            """);
        Assert.All(cached, path => Assert.Matches("^/(lib|css|js|icons)/|^/manifest\\.webmanifest$|^/favicon\\.ico$", path));
        Assert.DoesNotContain("/teknisi/luring", cached);
        var stored = await Page.EvaluateAsync<int>("""
            () => new Promise(resolve => {
                const open = indexedDB.open('nm-teknisi');
                open.onsuccess = () => {
                    const db = open.result;
                    if (!db.objectStoreNames.contains('outbox')) { db.close(); resolve(0); return; }
                    const tx = db.transaction(['outbox', 'data']);
                    let total = 0;
                    tx.objectStore('outbox').count().onsuccess = e => total += e.target.result;
                    tx.objectStore('data').count().onsuccess = e => total += e.target.result;
                    tx.oncomplete = () => { db.close(); resolve(total); };
                };
            })
            """);
        Assert.Equal(0, stored);
        Assert.Equal(0, await QueryAsync(db => db.OfflineStepReceipts.CountAsync(r => r.ReportId == id)));

        // Offline now, the service worker serves neither the technician's report page nor the offline page.
        await Page.Context.SetOfflineAsync(true);
        await Assert.ThrowsAsync<PlaywrightException>(() => Page.GotoAsync($"/laporan/{id}"));
        // Chromium either answers with its error page or reports the navigation interrupted by that error page: both
        // mean nothing was served.
        var served = false;
        try
        {
            var shell = await Page.GotoAsync("/teknisi/luring");
            served = shell is { Ok: true };
        }
        catch (PlaywrightException)
        {
        }
        Assert.False(served, "The offline page was served from a cache after signing out.");
        Assert.Equal(0, await Page.Locator("body[data-ready]").CountAsync());
        await Page.Context.SetOfflineAsync(false);
    });

    private ILocator Card(int id) => Page.Locator($"[data-report='{id}']");

    /// <summary>Opens the offline page online: the assignments are loaded and the page is kept for offline use.</summary>
    /// <summary>
    /// A report filed and brought to repair on the server; the technician opens the app, goes offline and records the
    /// completed work on the phone: one step in the outbox.
    /// </summary>
    private async Task<int> CompletedOfflineAsync(string location, string description, string actionsTaken)
    {
        var id = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", location, description);
        await SeedReports.ToRepairingAsync(Fixture.App.Services, id);
        await SignInAsync("teknisi");
        await OpenOfflineAppAsync(id);
        await Page.Context.SetOfflineAsync(true);
        await Card(id).Locator("[data-step=CompleteWork]").ClickAsync();
        await Page.GetByLabel("Tindakan yang dilakukan").FillAsync(actionsTaken);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Simpan di ponsel" }).ClickAsync();
        await Expect(Page.GetByTestId("outbox-count")).ToHaveTextAsync("1");
        return id;
    }

    private async Task OpenOfflineAppAsync(int id)
    {
        await Page.GotoAsync("/teknisi/luring");
        await Expect(Page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Expect(Page.Locator("body[data-offline-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Expect(Card(id)).ToBeVisibleAsync();
        await Expect(Card(id).GetByRole(AriaRole.Link, new() { Name = "Telepon" })).ToHaveAttributeAsync("href", "tel:+6281260000100");
        await Expect(Card(id).GetByRole(AriaRole.Link, new() { Name = "WhatsApp" })).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex("^https://wa\\.me/6281260000100"));
    }

    /// <summary>A report filed, assigned and diagnosed outside the Data Center: the technician inspects on site next.</summary>
    private async Task<int> OnSiteInspectionAsync(string location)
    {
        var id = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", location, "Internet mati di seluruh ruangan sejak pagi.");
        await SeedReports.AssignAsync(Fixture.App.Services, id);
        await SeedReports.StepAsync(Fixture.App.Services, id, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, ReportEvent>>((r, now) => r.StartDiagnosis(actor, null, now)));
        await SeedReports.StepAsync(Fixture.App.Services, id, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, ReportEvent>>((r, now) => r.RecordDiagnosis(actor,
                new DiagnosisInput("Koneksi terputus", location, "Switch ruangan tidak menyala"), inDataCenterNetwork: false, now)));
        return id;
    }

    private async Task SignAsync()
    {
        var pad = Page.GetByTestId("signature-pad");
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 20, new() { Steps = 8 });
        await Page.Mouse.MoveAsync(box.X + box.Width - 20, box.Y + box.Height - 20, new() { Steps = 8 });
        await Page.Mouse.UpAsync();
    }

    private async Task<byte[]> IconAsync()
    {
        using var client = new HttpClient { BaseAddress = Fixture.BaseAddress };
        return await client.GetByteArrayAsync(new Uri("/icons/icon-512.png", UriKind.Relative));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
