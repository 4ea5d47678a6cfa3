using Spectre.Console;
using UbiOps.Client;

namespace UbiOps.Cli.Rendering;

/// <summary>A table of listed requests, for people.</summary>
internal static class RequestTable
{
    public static void Write(TextWriter writer, IReadOnlyList<DeploymentRequestList> requests)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "id", "version", "status", "created", "started", "completed" })
        {
            table.AddColumn(column);
        }

        foreach (var r in requests)
        {
            table.AddRow(
                Markup.Escape(r.Id),
                Markup.Escape(r.Version ?? string.Empty),
                Markup.Escape(r.Status.Value),
                Time(r.TimeCreated),
                Time(r.TimeStarted),
                Time(r.TimeCompleted));
        }

        // Plain text (no colours, full width) so the table reads the same in a pipe.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        console.Write(table);
        writer.WriteLine($"{requests.Count} request(s)");
    }

    private static string Time(DateTimeOffset? time) => time?.ToString(JsonDefaults.DateFormat) ?? string.Empty;
}
