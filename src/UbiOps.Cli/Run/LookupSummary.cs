using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>The look-ups of lost answers in a run's summary line.</summary>
internal static class LookupSummary
{
    /// <summary>E.g. " 3 lost answers looked up on the server (2 found, 1 sent again; 11 calls)."; empty when there were none.</summary>
    public static string Describe(LostAnswerCounter counter) => counter.Lookups == 0
        ? ""
        : $" {counter.Lookups} lost answer(s) looked up on the server ({counter.Found} found, {counter.NotMade} sent again" +
          (counter.Undecided > 0 ? $", {counter.Undecided} undecided" : "") + $"; {counter.Calls} calls).";
}
