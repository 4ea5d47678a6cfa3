global using UbiOps.Client.Tests.Support;
