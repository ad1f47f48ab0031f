using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiepDuc.ParPortal.Bench;

/// <summary>
/// Generated data for measuring speed at province scale: a separate SQLite file, marked as generated
/// (<c>PRAGMA user_version = 20230831</c> and every generated notice titled "[Dữ liệu thử nghiệm]"), never the
/// portal's own database. Rows are written with prepared statements in large transactions, not through the change
/// tracker. Per unit of scale: ~300 units, 2,000 notices, 10,000 directives, 100,000 assignments, 300,000 reports
/// (with their timeline events), 100,000 audit entries, 200,000 KPI figures and users for every role.
/// </summary>
public static class BenchData
{
    public const string Command = "seed-bench";
    public const int Marker = 20230831;
    public const string BenchPassword = "Bench-Hiepduc-2023!";
    private const string Mark = "[Dữ liệu thử nghiệm] ";
    private const string Issuer = "UBND huyện Hiệp Đức";

    private static readonly DateTimeOffsetToBinaryConverter Time = new();
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly string[] Places =
    [
        "Bình Lâm", "Bình Sơn", "Quế Thọ", "Quế Lưu", "Hiệp Thuận", "Hiệp Hòa", "Thăng Phước", "Sông Trà", "Phước Trà", "Phước Gia",
        "Tân Bình", "Tiên Châu", "Tiên Cảnh", "Tiên Lập", "Trà Dơn", "Trà Leng", "Phước Thành", "Phước Kim", "Đại Hồng", "Đại Lãnh",
        "Quế Trung", "Quế Phước", "Duy Sơn", "Duy Trung", "Điện Hồng", "Điện Thọ", "Tam Kỳ", "Tam Xuân", "Bình Phú", "Bình Quế",
    ];

    private static readonly string[] Tasks =
    [
        "Nâng tỷ lệ hồ sơ trực tuyến toàn trình", "Giảm tỷ lệ hồ sơ trễ hạn", "Kích hoạt tài khoản định danh điện tử VNeID",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Niêm yết công khai xin lỗi hồ sơ trễ hạn",
        "Ký số trên Q-Office", "Cài đặt Egov Quảng Nam, Smart Quảng Nam", "Rà soát, chuẩn hóa dữ liệu hộ tịch",
        "Tuyên truyền dịch vụ công trực tuyến tại thôn", "Báo cáo kết quả cải cách hành chính quý",
    ];

    private static readonly string[] Kinds = ["None", "Date", "Date", "Date", "Month", "Quarter", "Year", "Ongoing"];

    /// <summary>Turns <c>--database F [--scale S]</c> into configuration for a fresh host on that file.</summary>
    public static (string Database, double Scale, string[] HostArgs) Parse(string[] args)
    {
        string? database = null;
        var scale = 1.0;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--database")
            {
                database = args[i + 1];
            }
            else if (args[i] == "--scale" && !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out scale))
            {
                throw new StartupException("--scale phải là một số, ví dụ 1 hoặc 0,01. / --scale must be a number such as 1 or 0.01.");
            }
        }

        if (string.IsNullOrWhiteSpace(database))
        {
            throw new StartupException("Thiếu --database <tệp>: dữ liệu thử nghiệm luôn ghi vào một tệp riêng. / --database <file> is required.");
        }

        if (scale is <= 0 or > 20)
        {
            throw new StartupException("--scale phải trong khoảng (0; 20]. / --scale must be in (0, 20].");
        }

        var full = Path.GetFullPath(database);
        if (File.Exists(full))
        {
            throw new StartupException($"Tệp {full} đã có; dữ liệu thử nghiệm chỉ ghi vào tệp mới. / {full} exists; choose a new file.");
        }

        return (full, scale, [
            "--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={full}", "--Database:MigrateOnStartup=true",
            "--Database:SeedOnStartup=true", "--Reminders:Enabled=false", "--PortalLogging:File=",
            $"--Security:InitialAdminPasswordFile={full}.admin-password.txt",
        ]);
    }

    public static async Task<int> GenerateAsync(IServiceProvider services, string database, double scale, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var rng = new Random(20230831);
        int N(int perScale) => Math.Max(1, (int)Math.Round(perScale * scale));
        var start = new DateTimeOffset(2021, 1, 4, 8, 0, 0, Vietnam);
        var today = new DateOnly(2023, 10, 5);

        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();

        // Units: the seeded ones plus generated communes and agencies up to ~300 per scale.
        var unitIds = await ReadAsync(connection, tx, "SELECT Id FROM Units", r => r.GetInt32(0));

        var unit = Prepare(connection, tx, "INSERT INTO Units (Code, Name, ShortName, Kind, IsActive, SearchKey, Version) VALUES ($1,$2,$3,$4,1,$5,0) RETURNING Id");
        for (var i = unitIds.Count; i < N(300); i++)
        {
            var commune = i % 3 != 0;
            var place = Places[i % Places.Length] + " " + (i / Places.Length + 1).ToString(CultureInfo.InvariantCulture);
            var name = commune ? "UBND xã " + place : "Phòng Chuyên môn " + place;
            unitIds.Add(Convert.ToInt32(await Run(unit, $"TN{i:D4}", name, commune ? "Xã " + place : "Phòng " + place, commune ? "CommuneOrTown" : "DistrictAgency", VietnameseText.Fold(name)), CultureInfo.InvariantCulture));
        }

        // Users: one head per unit, 20 office staff, one chairman, one administrator — all with the same password.
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var hash = users.PasswordHasher.HashPassword(new PortalUser(), BenchPassword);
        var roles = (await ReadAsync(connection, tx, "SELECT Name, Id FROM AspNetRoles", r => (Name: r.GetString(0), Id: r.GetString(1))))
            .ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);

        var user = Prepare(connection, tx, """
            INSERT INTO AspNetUsers (Id, FullName, UnitId, IsActive, MustChangePassword, EmailNotifications, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SearchKey, MutedEmailKinds)
            VALUES ($1,$2,$3,1,0,0,$4,$5,NULL,NULL,0,$6,$7,$8,0,0,1,0,$9,'')
            """);
        var userRole = Prepare(connection, tx, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($1,$2)");
        var headOf = new Dictionary<int, (string Id, string Name)>();
        async Task AddUser(string userName, string fullName, int? unitId, string role)
        {
            var id = Guid.NewGuid().ToString();
            await Run(user, id, fullName, unitId, userName, userName.ToUpperInvariant(), hash, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), VietnameseText.Fold(fullName + " " + userName));
            await Run(userRole, id, roles[role]);
            if (unitId is { } u && role == Roles.UnitHead)
            {
                headOf[u] = (id, fullName);
            }
        }

        for (var i = 0; i < unitIds.Count; i++)
        {
            await AddUser($"bench.head{i:D4}", $"Trưởng đơn vị {i + 1} (thử nghiệm)", unitIds[i], Roles.UnitHead);
        }

        for (var i = 0; i < 20; i++)
        {
            await AddUser($"bench.office{i:D2}", $"Chuyên viên Văn phòng {i + 1} (thử nghiệm)", unitIds[0], Roles.DistrictOffice);
        }

        await AddUser("bench.chairman", "Chủ tịch UBND huyện (thử nghiệm)", null, Roles.Chairman);
        await AddUser("bench.admin", "Quản trị (thử nghiệm)", null, Roles.Administrator);

        var notice = Prepare(connection, tx, """
            INSERT INTO Notices (Number, IssuingBody, IssueDate, MeetingDate, Title, MeetingBody, Session, ChairedBy, SignedBy, FullText, SearchKey, IssuerKey, NumberKey, ContentKey, Version, IsPublic)
            VALUES ($1,$8,$2,$3,$4,'Ban Chỉ đạo CCHC và CĐS huyện',$5,'Chủ tịch UBND huyện','Chủ tịch UBND huyện',$6,$7,$9,$10,$11,0,0) RETURNING Id
            """);
        var directive = Prepare(connection, tx, """
            INSERT INTO Directives (NoticeId, Label, SortOrder, Title, FullText, MonitoringUnitId, IsCancelled, SearchKey, DeadlineUrgent, DeadlineKind, DeadlineLastDay, DeadlineWrittenAs, Version, RollupActive, RollupCompleted)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8,0,$9,$10,$11,0,0,0) RETURNING Id
            """);
        var assignment = Prepare(connection, tx, """
            INSERT INTO Assignments (DirectiveId, UnitId, OriginUnitId, Role, ExtendedTo, LastDayInForce, Status, Progress, CreatedAt, LastReportAt, SubmittedAt, AcceptedSubmissionOn,
                CompletedAt, Extension, ExtensionRequestedTo, ExtensionReason, DeadlineUrgent, DeadlineKind, DeadlineLastDay, DeadlineWrittenAs, HeardOn, SubmittedOn, Version)
            VALUES ($1,$2,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,0,$16,$17,$18,$19,$20,0) RETURNING Id
            """);
        var report = Prepare(connection, tx, "INSERT INTO ProgressReports (AssignmentId, Kind, Text, Progress, ReportedByUserId, ReportedByName, ReportedAt, ReceivedOnPaper) VALUES ($1,$2,$3,$4,$5,$6,$7,0) RETURNING Id");
        var evt = Prepare(connection, tx, "INSERT INTO AssignmentEvents (AssignmentId, Kind, ByUserId, ByName, At, Text, StatusAfter, ReportId, NewLastDay) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,NULL)");
        var audit = Prepare(connection, tx, "INSERT INTO AuditEntries (At, UserId, UserName, Action, EntityType, EntityId, Changes, IpAddress) VALUES ($1,NULL,'bench','Modified','Assignment',$2,$3,'127.0.0.1')");

        int notices = N(2000), directives = 0, assignments = 0, reports = 0;
        for (var n = 0; n < notices; n++)
        {
            var meeting = DateOnly.FromDateTime(start.Date).AddDays((int)(1000.0 * n / notices));
            var title = $"{Mark}Thông báo kết luận phiên họp {n + 1} của Ban Chỉ đạo CCHC và CĐS huyện";
            var number = $"TN-{n + 1}/TB-UBND";
            var identity = Domain.Notices.NoticeIdentity.Of(number, Issuer, meeting, title);
            var noticeId = Convert.ToInt32(await Run(notice, number, Day(meeting.AddDays(2)), Day(meeting), title, $"Phiên thứ {n + 1}", title, VietnameseText.Fold(title),
                Issuer, identity.IssuerKey, identity.NumberKey, identity.ContentKey), CultureInfo.InvariantCulture);
            for (var d = 0; d < 5; d++)
            {
                var task = Tasks[rng.Next(Tasks.Length)];
                var kind = Kinds[rng.Next(Kinds.Length)];
                DateOnly? last = kind switch
                {
                    "Date" => meeting.AddDays(rng.Next(10, 120)),
                    "Month" => new DateOnly(meeting.Year, meeting.Month, 1).AddMonths(2).AddDays(-1),
                    "Quarter" => new DateOnly(meeting.Year, (meeting.Month - 1) / 3 * 3 + 1, 1).AddMonths(6).AddDays(-1),
                    "Year" => new DateOnly(meeting.Year, 12, 31),
                    _ => null,
                };
                var writtenAs = last is null ? null : "trước ngày " + last.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                var label = "3." + "abcdđe"[d];
                var cancelled = rng.Next(100) == 0;
                var dTitle = $"{task} ({Places[rng.Next(Places.Length)]})";
                var directiveId = Convert.ToInt32(await Run(directive, noticeId, label, d + 1, dTitle, $"{label}. {dTitle}", unitIds[0], cancelled ? 1 : 0, VietnameseText.Fold(dTitle), kind, Day(last), writtenAs), CultureInfo.InvariantCulture);
                directives++;

                var created = new DateTimeOffset(meeting.ToDateTime(new TimeOnly(9, 0)), Vietnam);
                foreach (var u in Pick(rng, unitIds, 10))
                {
                    var (statusIndex, progress) = (rng.Next(100)) switch
                    {
                        < 20 => (0, 0),
                        < 50 => (1, rng.Next(10, 90)),
                        < 60 => (2, 100),
                        < 65 => (3, rng.Next(30, 90)),
                        _ => (4, 100),
                    };
                    if (cancelled || (last is { } l0 && l0 > today && statusIndex == 4 && rng.Next(2) == 0))
                    {
                        statusIndex = cancelled ? 5 : 1;
                        progress = cancelled ? 0 : 50;
                    }

                    var status = new[] { "NotStarted", "InProgress", "Submitted", "Returned", "Completed", "Cancelled" }[statusIndex];
                    var extended = last is { } l1 && statusIndex is 1 or 3 && rng.Next(10) == 0 ? l1.AddDays(30) : (DateOnly?)null;
                    var inForce = extended ?? last;
                    var reportCount = statusIndex == 0 || cancelled ? 0 : 4;
                    var reportAt = new List<DateTimeOffset>();
                    for (var k = 0; k < reportCount; k++)
                    {
                        reportAt.Add(created.AddDays(3 + k * rng.Next(3, 15)).AddHours(rng.Next(0, 8)));
                    }

                    var lastReport = reportAt.Count > 0 ? reportAt[^1] : (DateTimeOffset?)null;
                    var submitted = statusIndex is 2 or 4 ? lastReport : null;
                    var completed = statusIndex == 4 ? lastReport?.AddDays(rng.Next(0, 6)) : null;
                    var pending = statusIndex is 1 && last is not null && rng.Next(25) == 0;
                    var role = u == unitIds[0] ? "Lead" : (rng.Next(4) == 0 ? "Coordinating" : "Implementing");
                    var assignmentId = Convert.ToInt32(await Run(assignment, directiveId, u, role, Day(extended), Day(inForce), status, progress, Time.ConvertToProvider(created),
                        lastReport is null ? null : Time.ConvertToProvider(lastReport), submitted is null ? null : Time.ConvertToProvider(submitted),
                        submitted is null || statusIndex != 4 ? null : Day(PortalCalendar.DateOf(submitted.Value)), completed is null ? null : Time.ConvertToProvider(completed),
                        pending ? "Pending" : "None", pending ? Day(inForce!.Value.AddDays(20)) : null, pending ? "Chờ bổ sung kinh phí" : null,
                        kind, Day(last), writtenAs, Day(PortalCalendar.DateOf(lastReport ?? created)),
                        submitted is null ? null : Day(PortalCalendar.DateOf(submitted.Value))), CultureInfo.InvariantCulture);
                    assignments++;
                    var head = headOf[u];
                    await Run(evt, assignmentId, "Assigned", null, "Văn phòng (thử nghiệm)", Time.ConvertToProvider(created), null, "NotStarted", null);
                    for (var k = 0; k < reportAt.Count; k++)
                    {
                        var final = k == reportAt.Count - 1 && submitted is not null;
                        var p = final ? 100 : Math.Min(progress, (k + 1) * progress / reportAt.Count);
                        var text = final ? "Đã hoàn thành, gửi kèm báo cáo kết quả" : $"Đã triển khai {p} % khối lượng, tiếp tục đôn đốc các thôn";
                        var reportId = await Run(report, assignmentId, final ? "Completion" : "Progress", text, p, head.Id, head.Name, Time.ConvertToProvider(reportAt[k]));
                        await Run(evt, assignmentId, final ? "Submitted" : "Reported", head.Id, head.Name, Time.ConvertToProvider(reportAt[k]), text, final ? "Submitted" : "InProgress", reportId);
                        reports++;
                    }

                    if (completed is not null)
                    {
                        await Run(evt, assignmentId, "Confirmed", null, "Văn phòng (thử nghiệm)", Time.ConvertToProvider(completed), null, "Completed", null);
                    }

                    await Run(audit, Time.ConvertToProvider(lastReport ?? created), assignmentId.ToString(CultureInfo.InvariantCulture), $"{{\"Status\":\"{status}\"}}");
                }
            }
        }

        // KPI figures: every KPI for every unit, month by month (about 200,000 per scale).
        var kpis = await ReadAsync(connection, tx, "SELECT Id FROM KpiDefinitions ORDER BY Id", r => r.GetInt32(0));

        var measurement = Prepare(connection, tx, """
            INSERT INTO KpiMeasurements (KpiId, UnitId, NoticeId, Numerator, Denominator, StatedRate, Qualifier, Source, Note, RecordedBy, RecordedAt, PeriodEnd, PeriodStart, Version)
            VALUES ($1,$2,NULL,$3,$4,NULL,'Exact','Imported','Dữ liệu thử nghiệm','bench',$5,$6,$7,0)
            """);
        var months = Math.Max(1, (int)Math.Ceiling(N(200_000) / (double)(kpis.Count * unitIds.Count)));
        var figures = 0;
        for (var m = 0; m < months && figures < N(200_000); m++)
        {
            var first = new DateOnly(2023, 9, 1).AddMonths(-m);
            foreach (var k in kpis)
            {
                foreach (var u in unitIds)
                {
                    var denominator = rng.Next(20, 400);
                    await Run(measurement, k, u, rng.Next(0, denominator + 1), denominator, Time.ConvertToProvider(new DateTimeOffset(first.AddMonths(1).ToDateTime(new TimeOnly(9, 0)), Vietnam)), Day(first.AddMonths(1).AddDays(-1)), Day(first));
                    figures++;
                }
            }
        }

        await tx.CommitAsync();

        // The roll-up day of every directive, by the portal's one definition of the rule — after ANALYZE, so that the
        // planner walks each directive's assignments by their index instead of scanning the table per directive.
        await Exec(connection, "ANALYZE;");
        var db = services.GetRequiredService<ParPortalDbContext>();
        await HiepDuc.ParPortal.Web.Data.ReadModel.DirectiveRollups.UpdateAsync(db.Directives, CancellationToken.None);
        // The district's KPI sums per period (the read model the KPI pages read), from the figures just written.
        await HiepDuc.ParPortal.Web.Data.ReadModel.KpiDistrictTotal.RebuildAsync(db, CancellationToken.None);
        await HiepDuc.ParPortal.Web.Data.ReadModel.UnitTally.RebuildAsync(db, CancellationToken.None);
        await Exec(connection, $"PRAGMA user_version = {Marker}; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Đã tạo dữ liệu thử nghiệm / generated: {unitIds.Count} units, {notices} notices, {directives} directives, {assignments} assignments, {reports} reports, {figures} KPI figures, {headOf.Count + 22} users in {watch.Elapsed.TotalSeconds:0.0} s → {database}"));
        await output.WriteLineAsync($"Tài khoản / accounts: bench.chairman, bench.office00, bench.head0000 … — mật khẩu / password: {BenchPassword}");
        return 0;
    }

    /// <summary>True when the file was written by <see cref="GenerateAsync"/>.</summary>
    public static bool IsBenchDatabase(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) == Marker;
    }

    private static HashSet<int> Pick(Random rng, List<int> from, int count)
    {
        var chosen = new HashSet<int> { from[0] };
        while (chosen.Count < Math.Min(count, from.Count))
        {
            chosen.Add(from[rng.Next(from.Count)]);
        }

        return chosen;
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, SqliteTransaction tx, string sql, Func<SqliteDataReader, T> row)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var count = sql.Split('$').Length - 1;
        for (var i = 1; i <= count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static async Task<object?> Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return await command.ExecuteScalarAsync();
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
