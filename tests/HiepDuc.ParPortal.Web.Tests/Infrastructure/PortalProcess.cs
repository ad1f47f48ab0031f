using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>
/// The built portal as a real operating-system process on 127.0.0.1 (as it runs in production), for tests that kill
/// it, restart it, or run its commands.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Root { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the portal on the SQLite file and waits (up to 60 s) until /health/ready answers.</summary>
    public static async Task<PortalProcess> StartAsync(string database, params string[] extra)
    {
        var port = FreePort();
        var root = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(Info(database, ["--urls", root.ToString().TrimEnd('/'), .. extra]))!;
        var portal = new PortalProcess(process, root);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited ({process.ExitCode}):\n{portal.Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(root, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        portal.Dispose();
        throw new TimeoutException($"The portal did not answer within 60 s:\n{portal.Output}");
    }

    /// <summary>Runs a portal command (create-user, backup, restore …) to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string database, params string[] args)
    {
        using var process = Process.Start(Info(database, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the power goes or the process is killed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Info(string database, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HiepDuc.ParPortal.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Settings go in the environment, so that the command line is the command's own.
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={database}", ["Security__SecureCookies"] = "false", ["Security__HttpsRedirection"] = "false",
            ["Reminders__Enabled"] = "false", ["PortalLogging__File"] = string.Empty, ["Security__LoginAttemptsPerMinute"] = "1000",
            ["Security__InitialAdminPasswordFile"] = $"{database}.admin.txt", ["Serilog__MinimumLevel__Default"] = "Warning",
        })
        {
            info.Environment[key] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
