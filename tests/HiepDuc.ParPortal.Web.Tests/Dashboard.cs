using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Dashboard;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Generated work in every state and overdue bucket, on top of the seed (05/10/2023 is "today").</summary>
public static class GeneratedWork
{
    public static async Task AddEveryStateAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var units = await db.Units.Where(u => u.Kind == Domain.Units.UnitKind.CommuneOrTown).OrderBy(u => u.Code).ToListAsync();
        var notice = new ConclusionNotice("UBND huyện Hiệp Đức", "Dữ liệu thử nghiệm (sinh tự động)", new DateOnly(2023, 3, 1), "Dữ liệu thử nghiệm");
        db.Notices.Add(notice);
        var office = new Actor(null, "Văn phòng");
        var head = new Actor(null, "Đơn vị");
        var t0 = new DateTimeOffset(2023, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
        DateTimeOffset On(int m, int d) => new(2023, m, d, 9, 0, 0, TimeSpan.FromHours(7));
        var cases = new (Deadline Deadline, Action<Assignment> Act)[]
        {
            (Deadline.OnDate(new DateOnly(2023, 9, 25)), _ => { }),                                    // overdue 10 days
            (Deadline.OnDate(new DateOnly(2023, 8, 21)), a => a.Report(head, "đang làm", 30, On(8, 1))), // overdue 45 days
            (Deadline.OnDate(new DateOnly(2023, 7, 7)), _ => { }),                                      // overdue 90 days
            (Deadline.OnDate(new DateOnly(2023, 3, 18)), _ => { }),                                     // overdue 201 days
            (Deadline.OnDate(new DateOnly(2023, 10, 8)), _ => { }),                                     // due soon
            (Deadline.InQuarter(2023, 4), _ => { }),                                                    // in term
            (Deadline.Ongoing(), _ => { }),                                                             // no deadline
            (Deadline.InMonth(2023, 9), a => { a.Submit(head, "xong", On(9, 20)); a.Confirm(office, On(9, 21)); }), // on time
            (Deadline.InMonth(2023, 9), a => { a.Submit(head, "xong", On(10, 3)); a.Confirm(office, On(10, 4)); }), // late
            (Deadline.InMonth(2023, 10), a => a.Submit(head, "xong", On(10, 2))),                       // awaiting
            (Deadline.InMonth(2023, 9), a => a.Cancel(office, "không còn phù hợp", On(9, 1))),          // cancelled
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var directive = notice.AddDirective($"{i + 1}", $"Nhiệm vụ thử {i + 1}", "Nội dung", cases[i].Deadline, null);
            var lead = directive.Assign(units[i % units.Count], AssignmentRole.Lead, t0, office);
            cases[i].Act(lead);
            directive.Assign(units[(i + 1) % units.Count], AssignmentRole.Coordinating, t0, office);
        }

        await db.SaveChangesAsync();
    }

    public static async Task AddDirectivesAsync(PortalFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var units = await db.Units.OrderBy(u => u.Code).ToListAsync();
        var notice = new ConclusionNotice("UBND huyện Hiệp Đức", $"Dữ liệu thử nghiệm {count}", new DateOnly(2023, 6, 1), "Dữ liệu thử nghiệm");
        db.Notices.Add(notice);
        var at = new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));
        for (var i = 0; i < count; i++)
        {
            var d = notice.AddDirective($"{i + 1}", $"Nhiệm vụ {i + 1}", "Nội dung", Deadline.OnDate(new DateOnly(2023, 6, 1).AddDays(i % 200)), null);
            for (var u = 0; u < 3; u++)
            {
                d.Assign(units[(i + u) % units.Count], u == 0 ? AssignmentRole.Lead : AssignmentRole.Implementing, at, Actor.System);
            }
        }

        await db.SaveChangesAsync();
    }
}

public class The_dashboard_counts_what_the_database_holds(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_tile_and_bucket_equals_an_independent_count()
    {
        await GeneratedWork.AddEveryStateAsync(factory);
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("dash.chairman", Roles.Chairman));
        var page = await chairman.GetDocumentAsync("/dashboard");
        int Tile(string name) => int.Parse(page.QuerySelector($"[data-tile='{name}']")!.TextContent, CultureInfo.InvariantCulture);

        var day = new SignalDay(new DateOnly(2023, 10, 5));
        var (timings, rollups) = await factory.QueryAsync(async db =>
        {
            var directives = await db.Directives.Include(d => d.Assignments).Where(d => !d.IsCancelled).ToListAsync();
            var all = directives.SelectMany(d => d.Assignments).ToList();
            return (all.Select(a => (a.Status, Timing: a.TimingOn(day))).ToList(),
                directives.Select(d => DirectiveRollup.Compute(false, d.Assignments.Select(a => new AssignmentSnapshot(a.Role, a.Status, a.Progress, a.TimingOn(day).State)))).ToList());
        });
        var open = timings.Where(t => t.Status is not (AssignmentStatus.Submitted or AssignmentStatus.Completed or AssignmentStatus.Cancelled)).ToList();

        Assert.Equal(timings.Count(t => t.Status != AssignmentStatus.Cancelled), Tile("assignments"));
        foreach (var state in Enum.GetValues<TimingState>().Where(s => s != TimingState.Cancelled))
        {
            Assert.Equal(timings.Count(t => t.Timing.State == state), Tile(state.ToString()));
        }
        Assert.Equal(rollups.Count(r => r.State == DirectiveState.Overdue), Tile("directives-overdue"));
        Assert.Equal(rollups.Count(r => r.State == DirectiveState.Completed), Tile("directives-completed"));
        foreach (var bucket in Enum.GetValues<OverdueBucket>().Where(b => b != OverdueBucket.None))
        {
            var shown = int.Parse(page.QuerySelector($"#buckets [data-bucket='{bucket}']")!.TextContent, CultureInfo.InvariantCulture);
            Assert.Equal(open.Count(t => t.Timing.Bucket == bucket), shown);
            Assert.True(shown > 0, $"the generated set covers bucket {bucket}");
        }

        // Each overdue number links to the list that shows the same rows.
        var link = page.QuerySelector("#buckets [data-bucket='From31To60']")!.GetAttribute("href")!;
        var list = await chairman.GetDocumentAsync(link);
        Assert.Equal(open.Count(t => t.Timing.Bucket == OverdueBucket.From31To60).ToString(CultureInfo.InvariantCulture), list.QuerySelector("#total")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("#heatmap td[data-state='Overdue']"));
        Assert.Contains("Red", page.QuerySelectorAll("#lights [data-light]").Select(e => e.GetAttribute("data-light")));
    }

    [Fact]
    public async Task The_workbook_reads_back_to_the_rows_on_the_page()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("dash.office", Roles.DistrictOffice, "VPHDND"));
        var page = await office.GetDocumentAsync("/dashboard?notice=1");
        var bytes = await office.GetByteArrayAsync(new Uri("/reports/dashboard.xlsx?notice=1", UriKind.Relative));
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(["Tổng quan", "Đèn tín hiệu", "Quá hạn theo thời gian", "Xếp hạng đơn vị", "Chỉ tiêu"], sheets);
        var ranking = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Xếp hạng đơn vị").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(page.QuerySelectorAll("#ranking tbody tr").Length, ranking.Count);
        Assert.All(ranking, r => Assert.IsType<double>(r["Quá hạn"]));
        var lights = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Đèn tín hiệu").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["1", "3.a", "3.b", "3.c", "3.d", "3.e"], lights.Select(r => Convert.ToString(r["Mục"], CultureInfo.InvariantCulture)));

        var queLuu = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "QUELUU").Select(u => u.Id).SingleAsync());
        var list = await office.GetDocumentAsync($"/assignments?unit={queLuu}");
        var export = await office.GetByteArrayAsync(new Uri($"/assignments/export.xlsx?unit={queLuu}", UriKind.Relative));
        var rows = MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(list.QuerySelectorAll("#assignment-list tbody tr").Length, rows.Count);
        Assert.All(rows, r => Assert.Equal("Quế Lưu", r["Đơn vị"]));
        Assert.Contains(rows, r => r["Hạn cuối hiện hành"] is DateTime d && d == new DateTime(2023, 9, 30));
    }

    [Fact]
    public async Task The_report_is_a_Decree_30_document_with_every_directive_and_the_figures()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("report.office", Roles.DistrictOffice, "VPHDND"));
        var response = await office.GetAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            var text = string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
            Assert.Contains("Hiệp Đức, ngày 05 tháng 10 năm 2023", text, StringComparison.Ordinal);
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            var directives = await factory.QueryAsync(db => db.Directives.Where(d => d.NoticeId == 1).Select(d => new { d.Label, d.Title }).ToListAsync());
            Assert.All(directives, d => Assert.Contains($"{d.Label}. {d.Title}", text, StringComparison.Ordinal));
            Assert.Contains("28,72 %", text, StringComparison.Ordinal);
            Assert.Contains("7,83 %", text, StringComparison.Ordinal);
            Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
            Assert.Contains("CHÁNH VĂN PHÒNG", text, StringComparison.Ordinal);
            Assert.Contains("Quế Lưu", text, StringComparison.Ordinal); // unfinished 3.d, named with its unit

            var page = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single();
            Assert.Equal((11906U, 16838U), (page.Width!.Value, page.Height!.Value));
            var margin = body.Descendants<PageMargin>().Single();
            Assert.Equal((1134, 1134, 1701U, 850U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
            Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii));
        }

        // It renders: LibreOffice (installed by .ci/run) converts it to a PDF without errors.
        var dir = Directory.CreateTempSubdirectory("parportal-docx-");
        var docx = Path.Combine(dir.FullName, "bao-cao.docx");
        await File.WriteAllBytesAsync(docx, bytes);
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice is needed to check the report renders: apt-get install -y libreoffice-writer-nogui");
        var info = new System.Diagnostics.ProcessStartInfo(soffice, ["--headless", "--norestore", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName, docx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var finished = process.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(finished, "LibreOffice did not finish in 2 minutes");
        Assert.Equal(0, process.ExitCode);
        var pdf = new FileInfo(Path.Combine(dir.FullName, "bao-cao.pdf"));
        Assert.True(pdf.Exists && pdf.Length > 5_000, "the PDF was not produced");
        File.Copy(pdf.FullName, Path.Combine(Paths.Screenshots, "bao-cao.pdf"), overwrite: true);
        dir.Delete(recursive: true);
    }
}

public class The_dashboard_s_query_count_does_not_grow_with_the_data : IClassFixture<The_dashboard_s_query_count_does_not_grow_with_the_data.Factory>
{
    private readonly Factory _factory;

    public The_dashboard_s_query_count_does_not_grow_with_the_data(Factory factory) => _factory = factory;

    [Fact]
    public async Task Ten_directives_and_a_thousand_take_the_same_number_of_SQL_commands()
    {
        var chairman = await _factory.SignedInAsync(await _factory.CreateUserAsync("count.chairman", Roles.Chairman));
        var counter = _factory.Services.GetRequiredService<CommandCounter>();
        await GeneratedWork.AddDirectivesAsync(_factory, 10);
        string[] pages = ["/dashboard", "/directives", "/assignments", "/kpis", "/notices"];
        var small = new Dictionary<string, int>();
        foreach (var p in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri(p + "?run=small", UriKind.Relative))).StatusCode);
            small[p] = counter.For(p + "?run=small");
        }

        await GeneratedWork.AddDirectivesAsync(_factory, 1000);
        foreach (var p in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri(p + "?run=large", UriKind.Relative))).StatusCode);
            Assert.True(small[p] == counter.For(p + "?run=large"), $"{p}: {small[p]} commands with 10 directives, {counter.For(p + "?run=large")} with 1,010");
        }

        Assert.InRange(small["/dashboard"], 1, 25);
    }

    [Fact]
    public async Task A_repeated_dashboard_comes_from_memory_until_the_data_changes()
    {
        var chairman = await _factory.SignedInAsync(await _factory.CreateUserAsync("cache.chairman", Roles.Chairman));
        var counter = _factory.Services.GetRequiredService<CommandCounter>();
        Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri("/dashboard?run=first", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri("/dashboard?run=again", UriKind.Relative))).StatusCode);
        Assert.True(counter.For("/dashboard?run=again") < counter.For("/dashboard?run=first"), $"{counter.For("/dashboard?run=again")} commands the second time, {counter.For("/dashboard?run=first")} the first");

        await GeneratedWork.AddDirectivesAsync(_factory, 1);
        Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri("/dashboard?run=changed", UriKind.Relative))).StatusCode);
        Assert.Equal(counter.For("/dashboard?run=first"), counter.For("/dashboard?run=changed"));
    }

    [Fact]
    public async Task Computed_at_start_up_the_first_reader_does_not_compute_it()
    {
        using var warm = new Factory();
        warm.Settings["Dashboard:WarmUp"] = "true";
        var chairman = await warm.SignedInAsync(await warm.CreateUserAsync("warm.chairman", Roles.Chairman));
        var counter = warm.Services.GetRequiredService<CommandCounter>();
        Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri("/dashboard?run=first", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chairman.GetAsync(new Uri("/dashboard?notice=1&run=computed", UriKind.Relative))).StatusCode);
        Assert.True(counter.For("/dashboard?run=first") + 5 < counter.For("/dashboard?notice=1&run=computed"),
            $"{counter.For("/dashboard?run=first")} commands for the warmed page, {counter.For("/dashboard?notice=1&run=computed")} for one computed on request");
    }

    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<CommandCounter>();
                services.ConfigurePortalDb((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommandCounter>()));
            });
        }
    }
}

/// <summary>At province scale a recomputation takes seconds: the page then shows the previous figures instead of waiting; reports always wait.</summary>
public class A_slow_recomputation_does_not_hold_the_page(A_slow_recomputation_does_not_hold_the_page.Factory factory) : IClassFixture<A_slow_recomputation_does_not_hold_the_page.Factory>
{
    [Fact]
    public async Task Figures_only_older_than_the_bound_are_refreshed_behind_the_reader()
    {
        var first = await Load(mayLag: true);
        factory.Clock.Advance(DashboardQueries.CacheFor + TimeSpan.FromSeconds(1)); // another server may have changed something
        factory.Slow.Next = TimeSpan.FromSeconds(4);
        var page = await Load(mayLag: true);
        Assert.Equal(first.Total, page.Total);
        Assert.True(page.Took < TimeSpan.FromSeconds(1), $"{page.Took} for figures this server knows to be current");
    }

    [Fact]
    public async Task The_page_gets_the_previous_figures_within_the_wait_and_the_fresh_ones_after()
    {
        var before = await Load(mayLag: true);
        await GeneratedWork.AddDirectivesAsync(factory, 1);
        factory.Slow.Next = TimeSpan.FromSeconds(4); // the next aggregate query takes 4 s

        var page = await Load(mayLag: true);
        Assert.Equal(before.Total, page.Total); // the previous figures …
        Assert.InRange(page.Took, DashboardSnapshots.FreshWithin - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3.5)); // … after the wait, not the computation

        var report = await Load(mayLag: false); // a report waits for the running computation
        Assert.True(report.Total > before.Total, $"{report.Total} after the change, {before.Total} before");
        Assert.Equal(report.Total, (await Load(mayLag: true)).Total); // and the page has them now
    }

    private async Task<(int Total, TimeSpan Took)> Load(bool mayLag)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().LoadAsync(new DashboardFilter(), factory.Clock.Today(), CancellationToken.None, mayLag);
        return (model.Assignments.Values.Sum(), watch.Elapsed);
    }

    public sealed class Factory : PortalFactory
    {
        public SlowAggregates Slow { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigurePortalDb((_, o) => o.AddInterceptors(Slow)));
        }
    }

    /// <summary>Delays the next GROUP BY query once, as a dashboard over a million assignments would take.</summary>
    public sealed class SlowAggregates : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public TimeSpan? Next { get; set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Next is { } delay && command.CommandText.Contains("GROUP BY", StringComparison.Ordinal))
            {
                Next = null;
                // Blocking, as SQLite is: its "async" queries run on the calling thread.
                Thread.Sleep(delay);
            }

            await Task.CompletedTask;

            return result;
        }
    }
}

/// <summary>The dashboard shows the head and the tail of a long ranking and counts the middle, so its size does not follow the number of units.</summary>
public class A_long_ranking_is_shown_by_its_head_and_tail
{
    [Theory]
    [InlineData(16, 16, 0)]
    [InlineData(40, 40, 0)]
    [InlineData(3000, 40, 2960)]
    public void The_page_shows_at_most_forty_units_and_counts_the_rest(int units, int shown, int gap)
    {
        var ranking = Enumerable.Range(1, units).Select(i => new UnitRank(i, $"Đơn vị {i}", 10, 10 - (i % 10), i % 3, 100m - (i % 100), 3, true)).ToList();
        var model = new DashboardModel
        {
            Filter = new DashboardFilter(), Today = new DateOnly(2024, 1, 1), ComputedAt = DateTimeOffset.UnixEpoch, Notices = [], LightsNotice = null,
            Assignments = new Dictionary<Domain.Assignments.TimingState, int>(), RunningLate = 0, Directives = new Dictionary<Domain.Notices.DirectiveState, int>(),
            Buckets = new Dictionary<Domain.Assignments.OverdueBucket, int>(), Lights = [], Ranking = ranking, Heatmap = new Heatmap([], [], new Dictionary<(int, int), HeatCell>()),
            Kpis = [], OnlinePeriod = null, OnlineByUnit = [], ProvinceAverage = null, ZeroOnline = [],
        };
        var (head, middle, tail) = model.RankingPage;
        Assert.Equal(shown, head.Count + tail.Count);
        Assert.Equal(gap, middle);
        Assert.Equal(Enumerable.Range(1, head.Count), head.Select(h => h.Rank));
        if (gap > 0)
        {
            Assert.Equal(units, tail[^1].Rank);
            Assert.Equal(ranking[^1], tail[^1].Unit);
        }
    }
}
