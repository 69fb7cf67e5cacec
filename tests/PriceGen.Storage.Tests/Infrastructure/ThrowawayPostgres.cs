using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace PriceGen.Storage.Tests;

/// <summary>
/// A PostgreSQL cluster of its own: <c>initdb</c> in a temporary directory, <c>pg_ctl start</c> on a free loopback
/// port, stopped and deleted on <see cref="Dispose"/>. Run as the <c>postgres</c> user when the tests run as root
/// (PostgreSQL refuses to run as root). Found in <c>PRICEGEN_POSTGRES_BIN</c>, <c>/usr/lib/postgresql/*/bin</c> or the PATH.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private const string InstallHint =
        "PostgreSQL was not found: these tests start a throwaway cluster with its initdb and pg_ctl. Install it " +
        "(Debian/Ubuntu: apt-get install postgresql; Fedora: dnf install postgresql-server; macOS: brew install postgresql@15) " +
        "or set PRICEGEN_POSTGRES_BIN to the directory that holds initdb.";

    private readonly string _bin;
    private readonly string _directory;
    private readonly string _data;
    private bool _running;

    public ThrowawayPostgres()
    {
        _bin = FindBinDirectory() ?? throw new InvalidOperationException(InstallHint);
        // Under /tmp when root, whatever TMPDIR says: the postgres user must be able to reach the directory.
        _directory = RunsAsRoot
            ? Directory.CreateDirectory(Path.Combine("/tmp", "pricegen-pg-" + Guid.NewGuid().ToString("N").Substring(0, 12))).FullName
            : Directory.CreateTempSubdirectory("pricegen-pg-").FullName;
        _data = Path.Combine(_directory, "data");
        Port = FreeLoopbackPort();
        try
        {
            if (RunsAsRoot)
            {
                Run("chown", "postgres: " + Quote(_directory), asPostgres: false);
            }

            Run(Path.Combine(_bin, "initdb"), "-D " + Quote(_data) + " -A trust -U postgres -E UTF8 --locale=C --no-sync", asPostgres: true);
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    public string ConnectionString =>
        "Host=127.0.0.1;Port=" + Port + ";Username=postgres;Database=postgres;Timeout=5;Command Timeout=20;Maximum Pool Size=64";

    private static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Starts the cluster (again); returns once it accepts connections.</summary>
    public void Start()
    {
        var options = "-c listen_addresses=127.0.0.1 -p " + Port + " -k " + _directory + " -c max_connections=200";
        Run(Path.Combine(_bin, "pg_ctl"), "-D " + Quote(_data) + " -l " + Quote(Path.Combine(_directory, "server.log")) + " -w -t 30 -o \"" + options + "\" start", asPostgres: true);
        _running = true;
    }

    /// <summary>Stops the cluster at once, as a crash or a network cut would look to a client.</summary>
    public void Stop()
    {
        if (_running)
        {
            _running = false;
            Run(Path.Combine(_bin, "pg_ctl"), "-D " + Quote(_data) + " -w -t 30 -m immediate stop", asPostgres: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying server; the temp directory is cleaned by the system.
            }
        }
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PRICEGEN_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : throw new InvalidOperationException("PRICEGEN_POSTGRES_BIN is '" + configured + "', which holds no initdb. " + InstallHint);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var installed = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault();
            if (installed is not null)
            {
                return installed;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";

    private static void Run(string program, string arguments, bool asPostgres)
    {
        // Through sh, so that the quoting above holds; as postgres through runuser (util-linux) when root.
        var command = Quote(program) + " " + arguments;
        var start = asPostgres && RunsAsRoot
            ? new ProcessStartInfo("runuser", new[] { "-u", "postgres", "--", "sh", "-c", command })
            : new ProcessStartInfo("sh", new[] { "-c", command });
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program + ".");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " " + arguments + " did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(program + " " + arguments + " failed with exit code " + process.ExitCode + ":\n" + output.Result + error.Result);
        }
    }
}
