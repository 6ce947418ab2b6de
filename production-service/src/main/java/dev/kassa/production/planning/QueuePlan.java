package dev.kassa.production.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser's problem (Timefold Solver): one sequence of the planned orders, which the solver reorders; a sequence
 * is scored by the schedule {@link QueueDecoder} makes of it: lateness first, then changeovers, then makespan.
 */
@PlanningSolution
public class QueuePlan {

    @ProblemFactProperty
    private QueueDecoder decoder;

    @ValueRangeProvider
    private List<QueueDecoder.Job> jobs;

    @PlanningEntityCollectionProperty
    private List<Sequence> sequences;

    @PlanningScore(bendableHardLevelsSize = 0, bendableSoftLevelsSize = 3)
    private BendableLongScore score;

    /** For the solver's cloning. */
    public QueuePlan() {}

    QueuePlan(QueueDecoder decoder, List<QueueDecoder.Job> start) {
        this.decoder = decoder;
        this.jobs = List.copyOf(start);
        Sequence sequence = new Sequence();
        sequence.jobs = new ArrayList<>(start);
        this.sequences = List.of(sequence);
    }

    List<QueueDecoder.Job> order() {
        return sequences.get(0).jobs;
    }

    QueueDecoder decoder() {
        return decoder;
    }

    BendableLongScore score() {
        return score;
    }

    /** The one sequence of orders the solver changes. */
    @PlanningEntity
    public static class Sequence {

        @PlanningListVariable
        private List<QueueDecoder.Job> jobs = new ArrayList<>();

        /** For the solver's cloning. */
        public Sequence() {}
    }

    /** A sequence's score: the schedule it makes, lateness minutes first, then setups, then makespan minutes. */
    public static class Score implements EasyScoreCalculator<QueuePlan, BendableLongScore> {

        @Override
        public BendableLongScore calculateScore(QueuePlan plan) {
            QueueDecoder.Schedule s = plan.decoder.decode(plan.order());
            return BendableLongScore.of(new long[0], new long[] {
                -s.latenessMinutes() - 1_000_000L * s.unplaceable().size(), -s.setups(), -s.makespanMinutes()
            });
        }
    }
}
