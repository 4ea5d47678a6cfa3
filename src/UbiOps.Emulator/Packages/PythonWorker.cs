using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Packages;

/// <summary>
/// One long-lived <c>python3</c> process running the embedded runner script for one deployment
/// version: started and initialised once, then one request at a time over JSON lines. The package's
/// own output (its stderr) is passed on line by line, prefixed with the deployment and version.
/// </summary>
internal sealed class PythonWorker : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly Lazy<string> Runner = new(ReadRunner);

    private readonly Process _process;
    private readonly string _label;
    private readonly TextWriter _output;
    private string? _lastOutputLine;

    private PythonWorker(Process process, string label, TextWriter output)
    {
        _process = process;
        _label = label;
        _output = output;
    }

    /// <summary>Starts a worker and waits until the package's <c>Deployment</c> is initialised.</summary>
    /// <exception cref="DeploymentFailure">The package could not be loaded or its <c>__init__</c> raised.</exception>
    /// <exception cref="WorkerLostException">The process exited before it was ready.</exception>
    public static async Task<PythonWorker> StartAsync(
        string python, string project, EmulatorDeployment deployment, string version, TextWriter output, CancellationToken ct)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = Utf8, StandardOutputEncoding = Utf8, StandardErrorEncoding = Utf8,
            WorkingDirectory = deployment.PackagePath!, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Runner.Value);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // no __pycache__ left in the user's package
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            throw new DeploymentFailure($"Deployment '{deployment.Name}': {python} could not be started: {ex.Message}");
        }

        var worker = new PythonWorker(process, $"{deployment.Name} {version}", output);
        process.ErrorDataReceived += (_, e) => worker.PassOn(e.Data);
        process.BeginErrorReadLine();
        try
        {
            var answer = await worker.ExchangeAsync(PackageContext.Init(project, deployment, version), ct).ConfigureAwait(false);
            if (answer.Value<string>("init_failed") is { } error)
            {
                throw new DeploymentFailure($"Deployment '{deployment.Name}' version '{version}' could not be initialised: {error}");
            }

            return worker;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Runs one request. The answer is <c>{"result": …}</c> or <c>{"error": "…"}</c>.</summary>
    /// <exception cref="WorkerLostException">The process exited before it answered.</exception>
    /// <exception cref="OperationCanceledException">Cancelled or timed out: the process was killed.</exception>
    public Task<JObject> RunAsync(RequestRecord record, JToken data, CancellationToken ct) =>
        ExchangeAsync(PackageContext.Request(record, data), ct);

    /// <summary>Kills the process and everything it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task<JObject> ExchangeAsync(JObject message, CancellationToken ct)
    {
        // A call that is cancelled or times out kills the worker: Python cannot interrupt running code.
        string? line;
        await using (ct.Register(Kill).ConfigureAwait(false))
        {
            try
            {
                await _process.StandardInput.WriteLineAsync(message.ToString(Formatting.None).AsMemory(), ct).ConfigureAwait(false);
                await _process.StandardInput.FlushAsync(ct).ConfigureAwait(false);
                line = await _process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ct.IsCancellationRequested && ex is IOException or ObjectDisposedException or OperationCanceledException)
            {
                throw new OperationCanceledException("The call was cancelled and its Python worker killed.", ex, ct);
            }
            catch (IOException)
            {
                line = null; // the pipe broke: the process is gone
            }
        }

        if (line is null)
        {
            throw new WorkerLostException(await DescribeExitAsync().ConfigureAwait(false));
        }

        return (JObject)StoredJson.Parse(line);
    }

    private async Task<string> DescribeExitAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Its stdout closed but it still runs: say so without the exit code.
        }

        var code = _process.HasExited ? $" with exit code {_process.ExitCode}" : "";
        var last = Volatile.Read(ref _lastOutputLine) is { } output ? $" Its last output: {output}" : "";
        return $"The Python worker of deployment {_label} exited{code} before it answered.{last}";
    }

    private void PassOn(string? line)
    {
        if (line is null)
        {
            return;
        }

        Volatile.Write(ref _lastOutputLine, line.Length <= 500 ? line : line[..500] + "…");
        _output.WriteLine($"[{_label}] {line}");
    }

    private static string ReadRunner()
    {
        using var stream = typeof(PythonWorker).Assembly.GetManifestResourceStream("packages/ubiops_runner.py")
            ?? throw new InvalidOperationException("The Python runner script is not embedded in the emulator assembly.");
        using var reader = new StreamReader(stream, Utf8);
        return reader.ReadToEnd();
    }
}
