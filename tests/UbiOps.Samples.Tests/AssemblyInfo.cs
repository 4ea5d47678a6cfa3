// Each fixture starts its own emulator, so fixtures run side by side on the 2-core machines we target.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
