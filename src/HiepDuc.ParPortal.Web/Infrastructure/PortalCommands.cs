using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// Set-up commands run instead of the web server:
/// <c>dotnet run --project src/HiepDuc.ParPortal.Web -- create-user --username … --name … --role … [--unit CODE] [--email …]</c>
/// and <c>-- seed-demo-users</c> (evaluation only: demo accounts, clearly marked, with printed random passwords).
/// </summary>
public static class PortalCommands
{
    public const string CreateUser = "create-user";
    public const string SeedDemoUsers = "seed-demo-users";
    public const string ParseNotice = "parse-notice";
    public const string RebuildReadModel = "rebuild-read-model";
    public const string VerifyFiles = "verify-files";
    public const string IssueApiToken = "issue-api-token";
    public const string DemoMarker = "[DEMO]";

    /// <summary>
    /// Runs one command on a portal already started (its services): the same parser as the command line
    /// (<see cref="PortalCommandLine"/>), for the tests and for a host that has the services in hand.
    /// </summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output) =>
        PortalCommandLine.InvokeAsync(args, PortalCommandLine.Host.Of(services), output);

    internal static async Task<int> CreateUserAsync(IServiceProvider sp, string? userName, string? name, string[] role, string? unit, string? email, TextWriter output)
    {
        userName ??= email ?? throw new CommandException("Thiếu --username (hoặc --email). / --username (or --email) is required.");
        name ??= userName;
        var roles = role.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var password = await CreateAsync(sp, userName, name, email, roles, unit);
        await output.WriteLineAsync($"Đã tạo tài khoản / created user: {userName}");
        await output.WriteLineAsync($"Mật khẩu dùng một lần / one-time password: {password}");
        await output.WriteLineAsync("Người dùng phải đổi mật khẩu ở lần đăng nhập đầu. / The user must change it at first sign-in.");
        return 0;
    }

    /// <summary>
    /// <c>issue-api-token --name "…" --scopes "read kpi:write" [--unit CODE] [--days 365]</c>: the administrator's token
    /// page from the command line (for a server without a browser, and docs/api.md). Prints the secret once.
    /// </summary>
    internal static async Task<int> IssueApiTokenAsync(IServiceProvider sp, string name, string scopeList, string? unitCode, int days, TextWriter output)
    {
        var db = sp.GetRequiredService<ParPortalDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var scopes = Domain.Access.ApiScopes.None;
        foreach (var scope in scopeList.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            scopes |= scope switch
            {
                "read" => Domain.Access.ApiScopes.Read,
                "kpi:write" => Domain.Access.ApiScopes.KpiWrite,
                "reports:write" => Domain.Access.ApiScopes.ReportsWrite,
                "notices:write" => Domain.Access.ApiScopes.NoticesWrite,
                _ => throw new CommandException($"Quyền không hợp lệ / unknown scope: {scope} (read, kpi:write, reports:write, notices:write)"),
            };
        }

        int? unit = null;
        if (unitCode is { } code)
        {
            unit = await db.Units.Where(u => u.Code == code && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync()
                ?? throw new CommandException($"Không có đơn vị mã {code}. / No unit with code {code}.");
        }

        var now = clock.GetUtcNow();
        var (token, secret) = Domain.Access.ApiToken.Issue(name, scopes, unit, now.AddDays(days), new Actor(null, "Dòng lệnh / command line"), now);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        await output.WriteLineAsync(secret);
        return 0;
    }

    /// <summary>
    /// Recomputes every stored read value from the source rows — each directive's roll-up, the district's KPI sums
    /// per period, each unit's counters — and reports how many were wrong (drift), which it corrects. Safe while the portal runs.
    /// </summary>
    internal static async Task<int> RebuildReadModelAsync(IServiceProvider sp, TextWriter output)
    {
        var db = sp.GetRequiredService<ParPortalDbContext>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // One transaction: a failure part-way leaves every stored value as it was.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rollupDrift = await Data.ReadModel.DirectiveRollups.Drifted(db.Directives).CountAsync();
        if (rollupDrift > 0)
        {
            await Data.ReadModel.DirectiveRollups.UpdateAsync(db.Directives, CancellationToken.None);
        }

        var kpiDrift = await Data.ReadModel.KpiDistrictTotal.RebuildAsync(db, CancellationToken.None);
        var tallyDrift = await Data.ReadModel.UnitTally.RebuildAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
        sp.GetRequiredService<DataVersion>().Changed();
        await output.WriteLineAsync(System.FormattableString.Invariant(
            $"Tổng hợp của nhiệm vụ: {rollupDrift} lệch / directive roll-ups: {rollupDrift} drifted; tổng chỉ tiêu toàn huyện: {kpiDrift} lệch / district KPI sums: {kpiDrift} drifted; bộ đếm theo đơn vị: {tallyDrift} lệch / unit counters: {tallyDrift} drifted; đã sửa / corrected ({watch.ElapsedMilliseconds} ms)."));
        return 0;
    }

    /// <summary>
    /// Compares the file store with the file records: removes the files no record refers to (older than an hour, so
    /// that a request still saving is left alone; with <c>--dry-run</c> only lists them) and lists the records whose
    /// file is missing (restore them from the backup of <c>Files:Root</c>). Exit code 0 when the two agree afterwards.
    /// </summary>
    internal static async Task<int> VerifyFilesAsync(IServiceProvider sp, bool dryRun, TextWriter output)
    {
        var db = sp.GetRequiredService<ParPortalDbContext>();
        var store = sp.GetRequiredService<Features.Files.FileStore>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var records = await db.Files.AsNoTracking().Select(f => new { f.Id, f.StoredName }).ToListAsync();
        var referenced = records.Select(r => r.StoredName).ToHashSet(StringComparer.Ordinal);
        var root = store.RootPath;
        var onDisk = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(root, f).StartsWith("pending-imports", StringComparison.Ordinal))
                .ToList()
            : [];
        var orphans = onDisk.Where(f => !referenced.Contains(Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            && now - File.GetLastWriteTimeUtc(f) > TimeSpan.FromHours(1)).ToList();
        long bytes = 0;
        foreach (var orphan in orphans)
        {
            bytes += new FileInfo(orphan).Length;
            await output.WriteLineAsync($"Tệp không thuộc bản ghi nào / orphan file: {Path.GetRelativePath(root, orphan)}");
            if (!dryRun)
            {
                File.Delete(orphan);
            }
        }

        var missing = records.Where(r => !File.Exists(store.PathOf(r.StoredName))).ToList();
        foreach (var record in missing)
        {
            await output.WriteLineAsync(System.FormattableString.Invariant($"Bản ghi thiếu tệp / record without its file: #{record.Id} {record.StoredName}"));
        }

        await output.WriteLineAsync(System.FormattableString.Invariant(
            $"Tệp mồ côi: {orphans.Count} ({bytes} byte){(dryRun ? " — chưa xóa (--dry-run)" : " — đã xóa")} / orphan files: {orphans.Count} ({bytes} bytes){(dryRun ? ", kept (--dry-run)" : ", removed")}; bản ghi thiếu tệp / records without a file: {missing.Count}."));
        return missing.Count == 0 && (orphans.Count == 0 || !dryRun) ? 0 : 1;
    }

    /// <summary>
    /// Reads a notice file as the import page would and prints what it found, with the time the parser took (the
    /// median of --repeat runs): a dry run for the office, and the measurement behind docs/performance.md.
    /// </summary>
    internal static async Task<int> ParseNoticeAsync(IServiceProvider sp, string? file, bool json, int repeat, TextWriter output)
    {
        // "dotnet run --project …" starts the portal in its project folder: a relative path is the caller's (the shell's PWD).
        if (file is not null && !Path.IsPathRooted(file) && !File.Exists(file) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } caller)
        {
            file = Path.Combine(caller, file);
        }

        if (file is null || !File.Exists(file))
        {
            var message = file is null ? "Thiếu --file <tệp văn bản hoặc .docx>. / --file is required." : $"Không có tệp {file}. / No such file: {file}";
            if (json)
            {
                await Console.Error.WriteLineAsync(message);
                return 2;
            }

            throw new CommandException(message);
        }

        string text;
        try
        {
            // A Word file is read as the import page reads it; any other file as plain text.
            await using var stream = File.OpenRead(file);
            text = await Features.NoticeImport.NoticeReading.TextOfAsync(file, stream, CancellationToken.None, anyText: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException)
        {
            var message = $"Không đọc được {file}: tệp Word hỏng hoặc không đọc được. / Cannot read {file}: a damaged or unreadable file.";
            if (json)
            {
                await Console.Error.WriteLineAsync(message);
                return 2;
            }

            throw new CommandException(message);
        }

        var reading = sp.GetRequiredService<Features.NoticeImport.NoticeReading>();
        var registry = await reading.RegistryAsync(CancellationToken.None);
        var kpis = await reading.KpisAsync(CancellationToken.None);
        var today = sp.GetRequiredService<TimeProvider>().Today();
        Domain.Parsing.ParsedNotice? parsed = null;
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            parsed = Domain.Parsing.NoticeParser.Parse(text, registry, kpis, today);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        if (json)
        {
            // Exactly what the import preview would propose, for other systems to use or check (docs/import.md).
            await output.WriteLineAsync(Features.NoticeImport.NoticeReading.Json(parsed!, registry));
            return 0;
        }

        var codes = registry.ToDictionary(u => u.Id, u => u.Code);
        await output.WriteLineAsync($"{text.Length:N0} ký tự / characters; {parsed!.Tasks.Count} nhiệm vụ / tasks; {parsed.Figures.Count} số liệu / figures");
        foreach (var t in parsed.Tasks)
        {
            var units = string.Join(", ", t.Units.Select(u => $"{(u.UnitId is { } id ? codes[id] : u.Text)}:{u.Role}"));
            await output.WriteLineAsync($"  {t.Label,-8} {Features.Shared.Words.ForRecord(l => Features.Shared.Words.Deadline(l, t.Deadline.Value)),-28} {units}");
        }

        times.Sort();
        await output.WriteLineAsync(System.FormattableString.Invariant($"parse: median {times[times.Count / 2]:0.00} ms, max {times[^1]:0.00} ms over {repeat} runs"));
        return 0;
    }

    internal static async Task<int> SeedDemoUsersAsync(IServiceProvider sp, TextWriter output)
    {
        (string UserName, string Name, string Role, string? Unit)[] demo =
        [
            ("demo.admin", "Quản trị (demo)", Roles.Administrator, null),
            ("demo.office", "Chuyên viên Văn phòng (demo)", Roles.DistrictOffice, NoticeSeed.DistrictOfficeCode),
            ("demo.chairman", $"Chủ tịch UBND {sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AuthorityOptions>>().CurrentValue.LevelWord} (demo)", Roles.Chairman, null),
            ("demo.hiepthuan", "Chủ tịch UBND xã Hiệp Thuận (demo)", Roles.UnitHead, "HIEPTHUAN"),
            ("demo.queluu", "Chủ tịch UBND xã Quế Lưu (demo)", Roles.UnitHead, "QUELUU"),
        ];
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        await output.WriteLineAsync("Tài khoản DEMO — chỉ để dùng thử, không dùng cho dữ liệu thật; mỗi tài khoản phải đổi mật khẩu khi đăng nhập lần đầu. / DEMO accounts — for evaluation only; each must change its password at first sign-in.");
        foreach (var (userName, name, role, unit) in demo)
        {
            var existing = await users.FindByNameAsync(userName);
            string password;
            if (existing is null)
            {
                password = await CreateAsync(sp, userName, $"{DemoMarker} {name}", null, [role], unit, mustChange: true);
            }
            else
            {
                password = PasswordGenerator.Generate();
                Check(await users.ResetPasswordAsync(existing, await users.GeneratePasswordResetTokenAsync(existing), password));
                existing.MustChangePassword = true;
                Check(await users.UpdateAsync(existing));
            }

            await output.WriteLineAsync($"{role,-15} {userName,-16} {password}");
        }

        return 0;
    }

    private static async Task<string> CreateAsync(IServiceProvider sp, string userName, string fullName, string? email, List<string> roles, string? unitCode, bool mustChange = true)
    {
        var db = sp.GetRequiredService<ParPortalDbContext>();
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        if (roles.Count == 0 || roles.Except(Roles.All).Any())
        {
            throw new CommandException($"--role phải là một trong / must be one of: {string.Join(", ", Roles.All)}.");
        }

        int? unitId = null;
        if (unitCode is not null)
        {
            var code = unitCode.ToUpperInvariant();
            unitId = await db.Units.Where(u => u.Code == code && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync()
                ?? throw new CommandException($"Không có đơn vị mã '{unitCode}'. / No active unit with code '{unitCode}'.");
        }

        if (roles.Contains(Roles.UnitHead) && unitId is null)
        {
            throw new CommandException("Thủ trưởng đơn vị cần --unit <mã đơn vị>. / A UnitHead needs --unit <code>.");
        }

        var user = new PortalUser { UserName = userName, MustChangePassword = mustChange, LockoutEnabled = true };
        user.SetProfile(fullName, email, unitId);
        var password = PasswordGenerator.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        await transaction.CommitAsync();
        return password;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new CommandException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A command refused: its message is printed, the exit code is 1.</summary>
    internal sealed class CommandException(string message) : Exception(message);
}
