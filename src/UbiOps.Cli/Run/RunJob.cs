using UbiOps.Cli.Commands;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Progress;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// One <c>run</c>, a thin shell over the library's run engine: checks what an earlier run left
/// (same inputs, same target), feeds the input file's records to the engine, writes one result line
/// per outcome and records progress in the state file, and reports in one summary line.
/// </summary>
internal sealed class RunJob(
    CommandContext context,
    RunOptions options,
    string inputPath,
    InputFormat inputFormat,
    string outputPath,
    bool restart,
    IProgressDisplay progress,
    string resumeCommand,
    Shard? shard = null)
{
    // Result lines are recorded in the state this often (by count or time, whichever comes first).
    private const int CheckpointLines = 250;
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    public async Task<int> ExecuteAsync()
    {
        var statePath = RunStateFile.PathFor(outputPath);
        // A shard's state is its own: a rerun with another --shard is refused like another target.
        var target = context.Target.Describe() + (shard is { } share ? $" shard {share}" : "");
        if (restart)
        {
            File.Delete(outputPath);
            File.Delete(statePath);
        }

        // Inputs an earlier run left ambiguous are looked up again: its lines from the first of them are written anew.
        var ambiguous = restart ? null : AmbiguousLines.Find(outputPath);
        var earlier = await RunRecord.ReadAsync(statePath, context.Cancellation, ambiguous?.First, ambiguous?.FailedBefore ?? 0);
        CheckEarlierRun(earlier, target, statePath);
        if (ambiguous is not null && earlier is { HasWork: true })
        {
            context.Error.WriteLine(
                $"Looking up again: {ambiguous.Count} input(s) the earlier run left ambiguous; " +
                $"{Path.GetFileName(outputPath)} is written again from line {ambiguous.First + 1} on.");
        }

        var written = earlier?.Written.Count ?? 0;
        using var reader = InputSource.Open(inputPath, "--input", context.Environment);
        await using var state = earlier is { HasWork: true }
            ? await RunStateFile.RewriteAsync(statePath, target, earlier, context.Cancellation)
            : RunStateFile.CreateLazily(statePath, target);
        if (earlier?.Finished is null && (written > 0 || earlier?.Accepted.Count > 0 || earlier?.Intents.Count > 0))
        {
            var intents = earlier!.Intents.Count > 0
                ? $"; {earlier.Intents.Count} input(s) whose batch was being sent when it stopped are looked up on the server first"
                : "";
            context.Error.WriteLine(
                $"Resuming: {written} result(s) already in {Path.GetFileName(outputPath)}; " +
                $"{earlier.Accepted.Count} input(s) submitted earlier are collected, not submitted again{intents}.");
        }

        long done = written, failed = earlier?.Failed ?? 0;
        var settled = new SettledCounts();
        using var lookups = new LostAnswerCounter();
        try
        {
            await progress.RunAsync(Remaining(written), async observer =>
            {
                var inputs = new RunInputs(earlier, observer, outputPath);
                options.Journal = new StateJournal(state, inputs.FingerprintOf, earlier);
                options.Progress = new ObserverProgress(observer);
                await using var output = new ResultWriter(outputPath);
                var checkpoint = new List<string>(CheckpointLines);
                var checkpointFailed = 0L;
                using var writing = new SemaphoreSlim(1, 1);

                async Task CheckpointAsync()
                {
                    // Output first, then the state that vouches for it: the state never names lines the file lacks.
                    await output.FlushAsync();
                    await state.AppendWrittenAsync(done - checkpoint.Count, checkpoint, checkpointFailed);
                    checkpoint.Clear();
                    checkpointFailed = 0;
                }

                // Lines reach the file at least every second, also while no outcome arrives.
                using var stopTimer = new CancellationTokenSource();
                var timer = Task.Run(async () =>
                {
                    using var ticks = new PeriodicTimer(CheckpointInterval);
                    while (await ticks.WaitForNextTickAsync(stopTimer.Token).ConfigureAwait(false))
                    {
                        await writing.WaitAsync(stopTimer.Token).ConfigureAwait(false);
                        try
                        {
                            await CheckpointAsync().ConfigureAwait(false);
                        }
                        finally
                        {
                            writing.Release();
                        }
                    }
                });

                try
                {
                    var records = InputReader.ReadAsync(reader, inputFormat, context.Cancellation);
                    if (shard is { } share)
                    {
                        records = share.Select(records, context.Cancellation);
                    }

                    await foreach (var outcome in context.Scope.RunAsync(inputs.ItemsAsync(records, context.Cancellation), options, context.Cancellation))
                    {
                        await writing.WaitAsync(CancellationToken.None);
                        try
                        {
                            var (line, fingerprint) = inputs.Complete(outcome);
                            output.Write(line);
                            observer.Written(line);
                            settled.Add(line);
                            done++;
                            checkpoint.Add(fingerprint);
                            if (!line.Succeeded)
                            {
                                failed++;
                                checkpointFailed++;
                            }

                            if (checkpoint.Count >= CheckpointLines)
                            {
                                await CheckpointAsync();
                            }
                        }
                        finally
                        {
                            writing.Release();
                        }
                    }
                }
                finally
                {
                    await stopTimer.CancelAsync();
                    await timer.ContinueWith(_ => { }, TaskScheduler.Default);
                    await CheckpointAsync();
                }
            });
        }
        catch (Exception) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine(
                $"Stopped: {done} result(s) in {outputPath}. To finish, run: {resumeCommand} " +
                "(inputs already submitted are collected, not submitted again).");
            throw new OperationCanceledException(context.Cancellation);
        }

        await state.AppendFinishedAsync(done, failed);
        context.Target.DeleteEmulatorDatabase = true;
        if (earlier?.Finished is not null && done == written)
        {
            // Every input line was checked against the result it has: nothing was sent.
            context.Error.WriteLine(
                $"Already finished: {done} result(s) in {outputPath}, {failed} failed. Pass --restart to run every input again.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
        }

        context.Error.WriteLine(
            $"Done: {done} result(s) in {outputPath}, {failed} failed" + (written > 0 ? $" ({written} from an earlier run)." : ".") + settled.Describe() + LookupSummary.Describe(lookups));
        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    /// <summary>
    /// Refuses to mix runs: a state of another target, an output without a state, an output that
    /// lacks lines the state vouches for. (Each input line is checked against its result as it is
    /// read, also when the earlier run finished: a changed line is named, added lines run.)
    /// </summary>
    private void CheckEarlierRun(RunRecord? earlier, string target, string statePath)
    {
        var output = Path.GetFileName(outputPath);
        if (earlier is not { HasWork: true })
        {
            // Nothing was made or written (a run that failed at once): start afresh.
            if (File.Exists(outputPath) && new FileInfo(outputPath).Length > 0)
            {
                throw new CliUsageException(
                    $"--output '{output}' exists but has no state of a run ({Path.GetFileName(statePath)}); it is not this command's. " +
                    "Choose another --output, or pass --restart to overwrite it.");
            }

            File.Delete(statePath);
            return;
        }

        if (earlier.Target != target)
        {
            throw new CliUsageException(
                $"{output} was started against {earlier.Target}, not {target}: a resumed run must use the same host, project, " +
                "deployment and version. Run that command again, choose another --output, or pass --restart.");
        }

        var lines = ResultWriter.TruncateTo(outputPath, earlier.Written.Count);
        if (lines < earlier.Written.Count)
        {
            throw new CliUsageException(
                $"{output} has {lines} line(s) but its state vouches for {earlier.Written.Count}: the file was changed. " +
                "Pass --restart to run every input again.");
        }

    }

    private long? Remaining(long alreadyWritten)
    {
        if (inputPath == InputSource.Stdin || StartsWithArray())
        {
            return null;
        }

        return InputSource.CountLines(inputPath, context.Environment) is { } lines
            ? Math.Max(0, (shard?.ShareOf(lines) ?? lines) - alreadyWritten)
            : null;
    }

    private bool StartsWithArray()
    {
        if (inputFormat != InputFormat.Auto)
        {
            return inputFormat == InputFormat.Json;
        }

        using var reader = new StreamReader(context.Environment.ResolvePath(inputPath));
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c == '[';
    }
}
