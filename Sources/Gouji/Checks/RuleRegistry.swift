/// Every rule, in the order they run (rules that look at earlier findings come last).
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        FundSourcesSum.self, Balance.self, SpendWithinFunds.self, DetailSum.self, UnitConsistency.self,
        MalformedNumber.self, FullWidth.self, MissingUnit.self, UnitColumnConflict.self, Artefacts.self,
        VoucherFormat.self, Precision.self, OperatorText.self,
        WeightTree.self, QualitativeScoreBand.self, PercentRange.self, RowComplete.self,
        AmountRestated.self, CountRestated.self, ZeroBaseGrowth.self, SignAndDirection.self,
        ExpenditureComposition.self, ScoreTableTree.self, YearConsistency.self, RequiredFields.self,
        ExecutionRate.self, ExecutionScore.self, ScoreCap.self, QuantitativeScore.self, TotalScore.self,
        StaffRate.self, ThreePublicSum.self, ChangeRateBase.self, BudgetAdjust.self, BalanceRollforward.self,
        TotalVsParts.self, SameSubjectTwoValues.self, GrowthConsistency.self, EnumeratedRates.self,
        GoalVsIndicators.self, ActualPresent.self, MetStatus.self, DeviationReason.self, ScoreRestated.self,
        OverAchievement.self, ScoreVsStatus.self, TargetConsistency.self, LevelAndScope.self,
        RateOfARate.self, NarrativeSubjectScope.self, Measurability.self, OperatorSanity.self, Classification.self,
        VoucherInPeriod.self, ReportAfterPeriod.self, PeriodOrder.self, SignatureDates.self,
        GradeBand.self, ScoreRange.self, ScoreDerivable.self,
        Ordinals.self,
        // These read the findings above.
        HighScoreWithGaps.self, ProblemsSection.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static func rule(id: String) -> (any Rule.Type)? { all.first { $0.description.id == id } }
}
