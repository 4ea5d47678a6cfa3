// Tests are independent of each other; run fixtures side by side on the 2-core machines we target.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
