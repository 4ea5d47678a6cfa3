global using UbiOps.Client.Tests.TestSupport;
