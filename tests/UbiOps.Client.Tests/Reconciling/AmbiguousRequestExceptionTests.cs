namespace UbiOps.Client.Tests.Reconciling;

/// <summary><see cref="AmbiguousRequestException"/> says what was lost, and which requests may be the call's.</summary>
public sealed class AmbiguousRequestExceptionTests
{
    private static readonly Exception Lost = new HttpRequestException("connection reset");

    [Test]
    public void Constructor_Candidates_NamesThemAndTheLostAnswer()
    {
        var exception = new AmbiguousRequestException(["r-1", "r-2"], Lost);

        Assert.That(exception.Message, Is.EqualTo(
            "A direct request lost its answer (connection reset) and the server's records cannot tell whether it was made; " +
            "requests holding the same input: r-1, r-2. It was not sent again."));
        Assert.That(exception.CandidateRequestIds, Is.EqualTo(new[] { "r-1", "r-2" }));
        Assert.That(exception.InnerException, Is.SameAs(Lost));
    }

    [Test]
    public void Constructor_NoCandidates_SaysNoneWasFoundNorItsAbsenceProved()
    {
        var exception = new AmbiguousRequestException([], Lost);

        Assert.That(exception.Message, Is.EqualTo(
            "A direct request lost its answer (connection reset) and the server's records cannot tell whether it was made; " +
            "no request holding its input was found, nor could its absence be proved. It was not sent again."));
        Assert.That(exception.CandidateRequestIds, Is.Empty);
    }

    [Test]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new AmbiguousRequestException(null!, Lost))!.ParamName, Is.EqualTo("candidates"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new AmbiguousRequestException(["r-1"], null!))!.ParamName, Is.EqualTo("inner"));
        });
    }
}
