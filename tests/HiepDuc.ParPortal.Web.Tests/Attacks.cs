using System.Net;
using System.Text;
using AngleSharp.Dom;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Classic script injections stored in every kind of text a user writes come back as text, never as markup.</summary>
public class Stored_script_injection_is_shown_as_text(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public const string Script = "<script>alert('xss')</script>";
    public const string Img = "\"><img src=x onerror=alert(1)>";
    public const string Link = "javascript:alert(1)";
    private static readonly DateTimeOffset At = new(2023, 9, 15, 9, 0, 0, TimeSpan.FromHours(7));

    private static string Payload(string what) => $"{what} {Script}{Img} {Link}";

    [Fact]
    public async Task In_notices_directives_reports_directions_units_users_and_figures()
    {
        int noticeId, directiveId, assignmentId, kpiId;
        var head = await factory.CreateUserAsync("xss.head", Roles.UnitHead, "HIEPTHUAN");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Code == "HIEPTHUAN");
            db.Units.Add(new Unit("XSSUNIT", Payload("Đơn vị"), UnitKind.DistrictAgency));
            var notice = new ConclusionNotice(Payload("Cơ quan"), Payload("Thông báo"), new DateOnly(2023, 9, 10), Payload("Toàn văn"));
            db.Notices.Add(notice);
            var directive = notice.AddDirective("9", Payload("Nhiệm vụ"), Payload("Nội dung"), Deadline.OnDate(new DateOnly(2023, 9, 30)), null);
            var assignment = directive.Assign(unit, AssignmentRole.Lead, At, Actor.System);
            directive.AddDirection(Actor.System, Payload("Ý kiến chỉ đạo"), At);
            var user = await db.Users.SingleAsync(u => u.UserName == head.UserName);
            user.FullName = Payload("Người dùng");
            var kpi = await db.KpiDefinitions.OrderBy(k => k.Id).FirstAsync();
            db.KpiMeasurements.Add(KpiMeasurement.Counted(kpi, unit.Id, KpiPeriod.Month(2023, 9), 3, 10, MeasurementSource.Entered, Actor.System, At, Payload("Ghi chú")));
            await db.SaveChangesAsync();
            (noticeId, directiveId, assignmentId, kpiId) = (notice.Id, directive.Id, assignment.Id, kpi.Id);
        }

        // Through the forms, as the unit head writes them.
        var unitHead = await factory.SignedInAsync(head);
        Assert.Equal(HttpStatusCode.Redirect, (await unitHead.PostActionAsync(assignmentId, "report", new() { ["Text"] = Payload("Báo cáo"), ["Progress"] = "40" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await unitHead.PostActionAsync(assignmentId, "extension", new() { ["Text"] = Payload("Lý do gia hạn"), ["NewLastDay"] = "2023-10-31" })).StatusCode);

        var office = await factory.SignedInAsync(await factory.CreateUserAsync("xss.office", Roles.DistrictOffice, "VPHDND"));
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("xss.chairman", Roles.Chairman));
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("xss.admin", Roles.Administrator));
        var pages = new (HttpClient Client, string Url, bool ShowsPayload)[]
        {
            (office, "/notices", true), (office, $"/notices/{noticeId}", true), (office, "/directives", true), (office, $"/directives/{directiveId}", true),
            (office, "/assignments", true), (office, $"/assignments/{assignmentId}", true), (office, "/review", false), (office, $"/kpis/{kpiId}?period=2023-09", false),
            (office, "/directives?q=" + Uri.EscapeDataString(Script), false), (office, "/assignments?q=" + Uri.EscapeDataString(Img), false),
            (chairman, "/dashboard", false), (unitHead, "/my-unit", true), (unitHead, $"/assignments/{assignmentId}", true), (unitHead, "/notifications", false),
            (admin, "/admin/users", true), (admin, "/admin/units", true),
        };
        foreach (var (client, url, showsPayload) in pages)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var doc = await Html.ParseAsync(response);
            AssertInert(doc, url);
            if (showsPayload)
            {
                Assert.Contains(Script, doc.Body!.TextContent, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>No script without a file, no event-handler attribute, no injected image, no javascript: link.</summary>
    internal static void AssertInert(IDocument doc, string url)
    {
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"{url}: inline script {s.OuterHtml}"));
        foreach (var element in doc.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.False(element.LocalName == "img" && element.GetAttribute("src") == "x", $"{url}: injected image");
            var href = element.GetAttribute("href") ?? element.GetAttribute("action") ?? element.GetAttribute("src");
            Assert.False(href?.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{url}: javascript: link in {element.LocalName}");
        }
    }
}

/// <summary>SQL metacharacters, nonsense and over-long values get a clear answer (the page or a 400 with a Vietnamese message), never a 500.</summary>
public class Hostile_filters_and_forms_get_a_clear_answer(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Hostile =
    [
        "' OR 1=1 --", "\"; DROP TABLE Directives; --", "1; SELECT * FROM AspNetUsers", "%' AND 1=(SELECT COUNT(*) FROM sqlite_master) --",
        "\0\u0001", "../../../../etc/passwd", new string('x', 5000), "１２３", "-1", "99999999999999999999", "2023-13-45",
    ];

    [Fact]
    public async Task On_every_list_filter()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("sqli.office", Roles.DistrictOffice, "VPHDND"));
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("sqli.admin", Roles.Administrator));
        var lists = new (HttpClient Client, string Path, string[] Keys)[]
        {
            (office, "/directives", ["q", "sort", "page", "notice", "unit", "role", "from", "to", "overdue"]),
            (office, "/assignments", ["q", "sort", "page", "notice", "unit", "role", "status", "timing", "from", "to", "desc"]),
            (office, "/notices", ["q", "page"]),
            (office, "/kpis/1", ["period"]),
            (office, "/directives/export.xlsx", ["q", "sort"]),
            (admin, "/admin/users", ["q", "page"]),
            (admin, "/admin/units", ["q"]),
        };
        var directives = await factory.QueryAsync(db => db.Directives.CountAsync());
        foreach (var (client, path, keys) in lists)
        {
            foreach (var key in keys)
            {
                foreach (var value in Hostile)
                {
                    var url = $"{path}?{key}={Uri.EscapeDataString(value)}";
                    var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url[..Math.Min(url.Length, 120)]}: {(int)response.StatusCode}");
                    if (response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "text/html")
                    {
                        var text = await response.Content.ReadAsStringAsync();
                        Assert.True(Explains(text), $"{path}?{key}={value[..Math.Min(value.Length, 20)]}: no Vietnamese message");
                    }
                }
            }
        }

        // The over-long search is refused with the field's limit, and nothing was dropped.
        var tooLong = await office.GetAsync(new Uri("/directives?q=" + new string('x', 5000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("tối đa 100 ký tự", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(directives, await factory.QueryAsync(db => db.Directives.CountAsync()));
    }

    [Fact]
    public async Task On_every_form_and_nothing_is_saved()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("long.office", Roles.DistrictOffice, "VPHDND"));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("long.head", Roles.UnitHead, "HIEPTHUAN"));
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("long.admin", Roles.Administrator));
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("long.chairman", Roles.Chairman));
        var assignment = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Status == AssignmentStatus.NotStarted).Select(a => a.Id).FirstAsync());
        var directive = await factory.QueryAsync(db => db.Directives.Select(d => d.Id).FirstAsync());
        var notice = await factory.QueryAsync(db => db.Notices.Select(n => n.Id).FirstAsync());
        var before = await Counts();
        var huge = new string('Đ', 30_000) + "' OR 1=1 --";

        foreach (var action in new[] { "report", "submit", "extension" })
        {
            var response = await head.PostActionAsync(assignment, action, new() { ["Text"] = huge, ["Progress"] = "50", ["NewLastDay"] = "2023-12-31" });
            await AssertRefused(response, $"assignment {action}");
        }

        await AssertRefused(await head.PostActionAsync(assignment, "report", new() { ["Text"] = "Đủ", ["Progress"] = "1; DROP TABLE Assignments" }), "report progress");
        await AssertRefused(await chairman.PostActionAsync(assignment, "direction", new() { ["Text"] = huge }), "direction");
        await AssertRefused(await office.PostActionAsync(assignment, "urge", new() { ["Text"] = huge }), "urge");

        var forms = new (HttpClient Client, string Page, string Post, Dictionary<string, string> Fields)[]
        {
            (office, "/notices/new", "/notices/new", new() { ["IssuingBody"] = huge, ["Title"] = huge, ["MeetingDate"] = "2023-09-01", ["FullText"] = "x" }),
            (office, $"/notices/{notice}/edit", $"/notices/{notice}/edit", new() { ["IssuingBody"] = "UBND", ["Title"] = huge, ["MeetingDate"] = "'; --", ["FullText"] = "x", ["Version"] = "0" }),
            (office, $"/directives/{directive}/edit", $"/directives/{directive}/edit", new() { ["Label"] = huge, ["Title"] = huge, ["FullText"] = "x", ["Version"] = "0", ["Deadline.Kind"] = "Date", ["Deadline.Date"] = "x' OR '1" }),
            (admin, "/admin/units/new", "/admin/units/new", new() { ["Code"] = "X'; DROP TABLE Units; --", ["Name"] = huge, ["Kind"] = "Commune" }),
            (admin, "/admin/users/new", "/admin/users/new", new() { ["UserName"] = "a' OR '1'='1", ["FullName"] = huge, ["Password"] = "x", ["Roles"] = "Chairman" }),
        };
        foreach (var (client, page, post, fields) in forms)
        {
            var token = await client.AntiforgeryTokenAsync(page);
            await AssertRefused(await client.PostFormAsync(post, token, fields), post);
        }

        Assert.Equal(before, await Counts());
    }

    private static async Task AssertRefused(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{what}: {(int)response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(Explains(text), $"{what}: no Vietnamese message");
    }

    private static bool Explains(string page) =>
        new[] { "không hợp lệ", "tối đa", "phải từ", "phải là một số", "là bắt buộc", "người khác thay đổi" }.Any(m => page.Contains(m, StringComparison.Ordinal));

    private Task<string> Counts() => factory.QueryAsync(async db =>
        $"{await db.Notices.CountAsync()}/{await db.Directives.CountAsync()}/{await db.ProgressReports.CountAsync()}/{await db.Units.CountAsync()}/{await db.Users.CountAsync()}/{await db.DirectiveEvents.CountAsync()}/{await db.Assignments.CountAsync(a => a.Extension != ExtensionState.None)}");
}

/// <summary>Uploads that lie about what they are, are too big, or try to climb out of the file store are refused or defused.</summary>
public class Hostile_uploads_are_refused_or_defused(Hostile_uploads_are_refused_or_defused.Factory factory) : IClassFixture<Hostile_uploads_are_refused_or_defused.Factory>
{
    private static readonly byte[] Pdf = The_follow_up_loop_for_directive_3d.PdfBytes;

    [Fact]
    public async Task Polyglots_renamed_programs_oversized_files_and_path_traversal_names()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("upload.head", Roles.UnitHead, "HIEPTHUAN"));
        var assignment = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Status == AssignmentStatus.NotStarted).Select(a => a.Id).FirstAsync());
        var refused = new (string Name, byte[] Bytes, string Message)[]
        {
            ("anh.png", "GIF89a<script>alert(1)</script>"u8.ToArray(), "không đúng với phần mở rộng"),
            ("bao-cao.pdf", "<html><body><script>alert(1)</script></body></html>"u8.ToArray(), "không đúng với phần mở rộng"),
            ("chuong-trinh.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "không đúng với phần mở rộng"),
            ("bang.xlsx", "PK\u0003\u0004 not really a workbook"u8.ToArray(), "không đúng với phần mở rộng"),
            ("trang.html", "<script>alert(1)</script>"u8.ToArray(), "Loại tệp không được phép"),
            ("hinh.svg", "<svg onload=alert(1)/>"u8.ToArray(), "Loại tệp không được phép"),
            ("cai-dat.exe", [0x4D, 0x5A], "Loại tệp không được phép"),
            ("lon.pdf", [.. Pdf, .. new byte[Factory.MaxBytes]], "Tệp quá lớn"),
            ("rong.pdf", [], "Tệp rỗng"),
        };
        foreach (var (name, bytes, message) in refused)
        {
            var response = await head.PostActionAsync(assignment, "report", new() { ["Text"] = "Kèm tệp", ["Progress"] = "10" }, (name, bytes));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode}");
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Files.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.ProgressReports.CountAsync(r => r.AssignmentId == assignment)));

        // A real PDF that also carries HTML, under a name that tries to climb out: kept under its hash, downloaded as a PDF attachment.
        var polyglot = Encoding.ASCII.GetBytes("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n");
        var accepted = await head.PostActionAsync(assignment, "report", new() { ["Text"] = "Kèm tệp", ["Progress"] = "10" }, ("../../../../etc/passwd.pdf", polyglot));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var file = await factory.QueryAsync(db => db.Files.SingleAsync());
        Assert.Equal("passwd.pdf", file.OriginalName);
        var root = Path.GetFullPath(Path.Combine(factory.ContentRoot, "App_Data", factory.FilesFolder));
        Assert.True(File.Exists(Path.Combine(root, file.StoredName)));
        Assert.StartsWith(root, Path.GetFullPath(Path.Combine(root, file.StoredName)), StringComparison.Ordinal);

        var download = await head.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", download.Headers.GetValues("Content-Security-Policy").Single()); // its own, stricter than a page's
    }

    public sealed class Factory : PortalFactory
    {
        public const int MaxBytes = 64 * 1024;

        public Factory()
        {
            Settings["Files:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Files:Root"] = $"App_Data/{FilesFolder}";
        }

        public string FilesFolder { get; } = $"test-files-{Guid.NewGuid():N}";

        public string ContentRoot => _contentRoot ??= Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath;

        private string? _contentRoot;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (_contentRoot is not null && Directory.Exists(Path.Combine(_contentRoot, "App_Data", FilesFolder)))
            {
                Directory.Delete(Path.Combine(_contentRoot, "App_Data", FilesFolder), recursive: true);
            }
        }
    }
}

/// <summary>The log records who did what, never a password, a cookie or a token.</summary>
public class Logs_hold_no_secrets
{
    [Fact]
    public async Task After_sign_ins_failed_sign_ins_and_posted_forms()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"parportal-log-{Guid.NewGuid():N}");
        string cookie, token;
        var user = default(TestUser)!;
        var factory = new PortalFactory();
        try
        {
            factory.Settings["PortalLogging:File"] = Path.Combine(folder, "portal-.log");
            factory.Settings["Serilog:MinimumLevel:Default"] = "Debug";
            factory.Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information";
            user = await factory.CreateUserAsync("log.head", Roles.UnitHead, "HIEPTHUAN");
            var anonymous = factory.NewClient();
            await anonymous.SignInAsync(user.UserName, "Sai-Mat-Khau-123!");
            var client = factory.NewClient();
            var signIn = await client.SignInAsync(user.UserName, user.Password);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parportal.auth=", StringComparison.Ordinal)).Split(';')[0]["parportal.auth=".Length..];
            token = await client.AntiforgeryTokenAsync("/my-unit");
            var assignment = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPTHUAN" && a.Status == AssignmentStatus.NotStarted).Select(a => a.Id).FirstAsync());
            await client.PostActionAsync(assignment, "report", new() { ["Text"] = "Đã triển khai", ["Progress"] = "20" });
            await client.GetAsync(new Uri("/khong-co-trang-nay", UriKind.Relative));
        }
        finally
        {
            await factory.DisposeAsync(); // flushes the asynchronous file sink
        }

        var log = string.Empty;
        for (var waited = 0; waited < 150 && !log.Contains("/account/login", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100);
            log = string.Concat(Directory.GetFiles(folder).Select(ReadShared));
        }

        Directory.Delete(folder, recursive: true);
        Assert.True(log.Contains("/account/login", StringComparison.Ordinal), log); // the log is written and records the requests
        Assert.DoesNotContain(user.Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Sai-Mat-Khau-123!", log, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie[..40], log, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..40], log, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken=", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nor_does_the_audit_trail_hold_the_keys_that_protect_cookies()
    {
        using var factory = new PortalFactory();
        await factory.SignedInAsync(await factory.CreateUserAsync("keys.office", Roles.DistrictOffice, "VPHDND"));
        Assert.NotEqual(0, await factory.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType.Contains("DataProtection") || (e.Changes != null && e.Changes.Contains("<key ")))));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
