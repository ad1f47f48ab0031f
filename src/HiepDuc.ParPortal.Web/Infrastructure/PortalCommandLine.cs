using System.CommandLine;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// The portal's commands, run instead of the web server (<c>dotnet run --project src/HiepDuc.ParPortal.Web -- COMMAND</c>),
/// parsed by System.CommandLine: each has <c>--help</c>, typed options, and a clear error for an option it does not know.
/// A setting of the configuration may still follow a command as <c>--Section:Key value</c> (it contains a colon); it
/// goes to the configuration, as it does when the portal starts.
/// <para>
/// Each command asks for the stage it needs and no more: <c>check-config</c> runs before anything is registered (a
/// configuration the portal could not start with is still checked); <c>backup</c> and <c>restore</c> work on the file as
/// it is (no migration, no seed); the others on a migrated, seeded database.
/// </para>
/// </summary>
public static class PortalCommandLine
{
    /// <summary>What a command may need, given by its caller: the configuration, or the portal's services.</summary>
    public sealed class Host(Func<(IConfiguration Configuration, IHostEnvironment Environment)> settings, Func<Task<IServiceProvider>> services)
    {
        public (IConfiguration Configuration, IHostEnvironment Environment) Settings() => settings();

        public Task<IServiceProvider> ServicesAsync() => services();

        /// <summary>A portal already running (the tests' host): its configuration and its services.</summary>
        public static Host Of(IServiceProvider running) => new(
            () => (running.GetRequiredService<IConfiguration>(), running.GetRequiredService<IHostEnvironment>()),
            () => Task.FromResult(running));
    }

    private static readonly string[] Help = ["--help", "-h", "-?", "help"];

    /// <summary>A command, or a call for the list of commands: anything else starts the web server.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Help.Contains(args[0], StringComparer.Ordinal) || Build(NoHost).Subcommands.Any(c => c.Name == args[0]));

    /// <summary>The tokens of a setting of the configuration (<c>--Database:Provider SqlServer</c>, <c>--Logging:LogLevel:Default=Debug</c>).</summary>
    public static (string[] Command, string[] Settings) Split(string[] args)
    {
        var command = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Split('=')[0].Contains(':', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    settings.Add(args[++i]);
                }
            }
            else
            {
                command.Add(args[i]);
            }
        }

        return ([.. command], [.. settings]);
    }

    public static async Task<int> InvokeAsync(string[] args, Host host, TextWriter output)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = output };
        return await Build(host).Parse(args).InvokeAsync(configuration);
    }

    private static readonly Host NoHost = new(() => throw new InvalidOperationException(), () => throw new InvalidOperationException());

    private static RootCommand Build(Host host)
    {
        var root = new RootCommand("Cổng theo dõi thực hiện kết luận — lệnh quản trị / the portal's set-up commands. Không có lệnh: chạy cổng web. / No command: the web server starts.");

        var checkConfig = new Command(ConfigCheck.Command, "Kiểm tra cấu hình trước khi chạy lần đầu. / Checks a configuration before the first start.");
        checkConfig.SetAction((p, cancellationToken) => { var (c, e) = host.Settings(); return ConfigCheck.RunAsync(c, e, output(p), cancellationToken); });
        root.Subcommands.Add(checkConfig);

        var to = new Option<string>("--to") { Description = "Tệp sao lưu sẽ tạo / the backup file to write", Required = true };
        var backup = new Command(SqliteFiles.Backup, "Sao lưu cơ sở dữ liệu SQLite khi cổng đang chạy. / Copies the SQLite database while the portal runs.") { to };
        backup.SetAction((p, _) => { var (c, e) = host.Settings(); return SqliteFiles.RunAsync(c, e, backup: true, p.GetValue(to)!, output(p)); });
        root.Subcommands.Add(backup);

        var from = new Option<string>("--from") { Description = "Tệp sao lưu để khôi phục / the backup to restore", Required = true };
        var restore = new Command(SqliteFiles.Restore, "Khôi phục bản sao lưu (dừng cổng trước). / Puts a backup back (stop the portal first).") { from };
        restore.SetAction((p, _) => { var (c, e) = host.Settings(); return SqliteFiles.RunAsync(c, e, backup: false, p.GetValue(from)!, output(p)); });
        root.Subcommands.Add(restore);

        var userName = new Option<string>("--username") { Description = "Tên đăng nhập (mặc định: --email) / sign-in name (default: --email)" };
        var name = new Option<string>("--name") { Description = "Họ và tên / full name" };
        var role = new Option<string[]>("--role") { Description = "Vai trò (lặp lại hoặc cách nhau bởi dấu phẩy) / role(s)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị (thủ trưởng đơn vị) / unit code (for a unit head)" };
        var email = new Option<string>("--email") { Description = "Thư điện tử / e-mail" };
        var createUser = new Command(PortalCommands.CreateUser, "Tạo tài khoản với mật khẩu dùng một lần. / Creates an account with a one-time password.") { userName, name, role, unit, email };
        createUser.SetAction((p, _) => Run(host, p, sp => PortalCommands.CreateUserAsync(sp, p.GetValue(userName), p.GetValue(name), p.GetValue(role) ?? [], p.GetValue(unit), p.GetValue(email), output(p))));
        root.Subcommands.Add(createUser);

        var seedDemo = new Command(PortalCommands.SeedDemoUsers, "Chỉ để dùng thử: mỗi vai trò một tài khoản [DEMO]. / Evaluation only: one [DEMO] account per role.");
        seedDemo.SetAction((p, _) => Run(host, p, sp => PortalCommands.SeedDemoUsersAsync(sp, output(p))));
        root.Subcommands.Add(seedDemo);

        var file = new Option<string>("--file") { Description = "Tệp thông báo (.docx, .md, .txt) / the notice file" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (docs/import.md) / print the reading as JSON" };
        var repeat = new Option<int>("--repeat") { Description = "Đọc N lần, in trung vị thời gian / read N times and print the median time", DefaultValueFactory = _ => 1 };
        var parse = new Command(PortalCommands.ParseNotice, "Đọc thử một thông báo như trang nhập, không lưu gì. / Reads a notice as the import page does; saves nothing.") { file, json, repeat };
        parse.SetAction((p, _) => Run(host, p, sp => PortalCommands.ParseNoticeAsync(sp, p.GetValue(file), p.GetValue(json), Math.Clamp(p.GetValue(repeat), 1, 1000), output(p))));
        root.Subcommands.Add(parse);

        var rebuild = new Command(PortalCommands.RebuildReadModel, "Tính lại các giá trị tổng hợp đã lưu và báo độ lệch. / Recomputes the stored read values and reports drift.");
        rebuild.SetAction((p, _) => Run(host, p, sp => PortalCommands.RebuildReadModelAsync(sp, output(p))));
        root.Subcommands.Add(rebuild);

        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ liệt kê, không xóa / list only, remove nothing" };
        var verify = new Command(PortalCommands.VerifyFiles, "Đối chiếu kho tệp với bản ghi. / Compares the file store with the file records.") { dryRun };
        verify.SetAction((p, _) => Run(host, p, sp => PortalCommands.VerifyFilesAsync(sp, p.GetValue(dryRun), output(p))));
        root.Subcommands.Add(verify);

        var tokenName = new Option<string>("--name") { Description = "Tên mã truy cập / the token's name", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "read, kpi:write, reports:write, notices:write", DefaultValueFactory = _ => "read" };
        var tokenUnit = new Option<string>("--unit") { Description = "Mã đơn vị giới hạn / the unit it is bound to" };
        var days = new Option<int>("--days") { Description = "Số ngày hiệu lực / days valid", DefaultValueFactory = _ => 365 };
        var token = new Command(PortalCommands.IssueApiToken, "Cấp mã truy cập API; in bí mật một lần. / Issues an API token; prints its secret once.") { tokenName, scopes, tokenUnit, days };
        token.SetAction((p, _) => Run(host, p, sp => PortalCommands.IssueApiTokenAsync(sp, p.GetValue(tokenName)!, p.GetValue(scopes)!, p.GetValue(tokenUnit), p.GetValue(days), output(p))));
        root.Subcommands.Add(token);

        return root;

        static TextWriter output(ParseResult p) => p.InvocationConfiguration.Output;
    }

    /// <summary>Runs a command on the portal's services, in a scope of its own; a refusal (the command's, or a rule's) is told in one line, exit code 1.</summary>
    private static async Task<int> Run(Host host, ParseResult parse, Func<IServiceProvider, Task<int>> command)
    {
        await using var scope = (await host.ServicesAsync()).CreateAsyncScope();
        try
        {
            return await command(scope.ServiceProvider);
        }
        catch (PortalCommands.CommandException ex)
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Domain.Common.DomainException ex)
        {
            // A rule of the Domain refused: its message, in Vietnamese, with its code for the operator's search.
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{Features.Shared.Words.ForRecord(l => Features.Shared.LocalizerExtensions.Domain(l, ex))} ({ex.Code})");
            return 1;
        }
    }
}
