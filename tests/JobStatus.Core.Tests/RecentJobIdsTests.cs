using System;
using System.Linq;
using System.Threading.Tasks;
using JobStatus.Completion;

namespace JobStatus.Tests
{
    /// <summary>The ids -JobId completes from: most recent first, bounded, filtered by what was typed.</summary>
    public class RecentJobIdsTests
    {
        [Fact]
        public void The_most_recent_id_comes_first()
        {
            var ids = new RecentJobIds();
            ids.Record("a-1", "Running", "p");
            ids.Record("b-2", "Success", "p");
            ids.Record("c-3", "Failed", "p");

            Assert.Equal(new[] { "c-3", "b-2", "a-1" }, ids.StartingWith(null).Select(s => s.Id));
        }

        [Fact]
        public void An_id_seen_again_moves_to_the_front_with_its_new_status_and_is_listed_once()
        {
            var ids = new RecentJobIds();
            ids.Record("a-1", "Running", "p");
            ids.Record("b-2", "Success", "p");
            ids.Record("a-1", "Success", "p");

            var seen = ids.StartingWith(string.Empty);
            Assert.Equal(new[] { "a-1", "b-2" }, seen.Select(s => s.Id));
            Assert.Equal("Success", seen[0].Status);
            Assert.Equal(2, ids.Count);
        }

        [Fact]
        public void The_oldest_id_is_forgotten_beyond_the_capacity()
        {
            var ids = new RecentJobIds(capacity: 3);
            foreach (string id in new[] { "1", "2", "3", "4", "2", "5" })
            {
                ids.Record(id, null, null);
            }

            Assert.Equal(new[] { "5", "2", "4" }, ids.StartingWith("").Select(s => s.Id));
        }

        [Theory]
        [InlineData("f5", new[] { "f5aa", "F588ce71" })]
        [InlineData("F588", new[] { "F588ce71" })]
        [InlineData("x", new string[0])]
        [InlineData("", new[] { "f5aa", "1111", "F588ce71" })]
        public void Only_ids_starting_with_the_typed_word_are_offered_ignoring_case(string typed, string[] expected)
        {
            var ids = new RecentJobIds();
            ids.Record("F588ce71", null, null);
            ids.Record("1111", null, null);
            ids.Record("f5aa", null, null);

            Assert.Equal(expected, ids.StartingWith(typed).Select(s => s.Id));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void Blank_ids_are_not_remembered(string id)
        {
            var ids = new RecentJobIds();
            ids.Record(id, "Success", "p");
            Assert.Equal(0, ids.Count);
        }

        [Fact]
        public void A_capacity_below_one_is_refused() =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new RecentJobIds(0));

        [Fact]
        public void Recording_from_many_threads_keeps_the_bound()
        {
            var ids = new RecentJobIds(capacity: 50);
            Parallel.For(0, 2000, i => ids.Record($"job-{i % 300}", "Running", "p"));

            Assert.Equal(50, ids.Count);
            Assert.Equal(50, ids.StartingWith("job-").Select(s => s.Id).Distinct().Count());
        }
    }
}
