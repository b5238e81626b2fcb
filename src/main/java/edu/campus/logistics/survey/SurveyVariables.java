package edu.campus.logistics.survey;

import java.util.List;

/**
 * The variable contract of the {@code satisfaction-survey} process (docs/processes/survey.md): every name
 * used by satisfaction-survey.bpmn, survey-plan.dmn, the survey-*.form files, the Java listeners and the tests.
 */
public final class SurveyVariables {

  // the term (start form, or survey-plan.dmn at the timer start)
  public static final String TERM_NAME = "termName";
  public static final String SAMPLE_SIZE = "sampleSize";
  public static final String ANSWER_DEADLINE = "answerDeadline";
  public static final String ANSWER_DUE_AT = "answerDueAt";
  public static final String STARTER_ID = "starterId";
  /** survey-plan.dmn: the month the timer started in (1–12) → which half of the school year, how many, how long. */
  public static final String START_MONTH = "startMonth";
  public static final String TERM_HALF = "termHalf";
  public static final String ANSWER_DAYS = "answerDays";
  /** The term already has a survey (started by hand before the timer): the timer's case ends at once. */
  public static final String TERM_TAKEN = "termTaken";

  // the sample (one questionnaire each)
  public static final String SAMPLE = "sample";
  public static final String SAMPLED = "sampled";
  public static final String RESPONDENT = "respondent";

  // one questionnaire: a rating 1–5 per service area and an optional comment; never kept as variables
  public static final String RATING_CANTEEN = "ratingCanteen";
  public static final String RATING_DORMITORY = "ratingDormitory";
  public static final String RATING_REPAIR = "ratingRepair";
  public static final String RATING_GATE = "ratingGate";
  public static final String RATING_GROUNDS = "ratingGrounds";
  public static final String RATING_CLEANING = "ratingCleaning";
  public static final String SURVEY_COMMENT = "surveyComment";

  /** What one questionnaire submits: recorded as aggregates, then removed, and never written to history. */
  public static final List<String> ANSWERS = List.of(RATING_CANTEEN, RATING_DORMITORY, RATING_REPAIR, RATING_GATE,
      RATING_GROUNDS, RATING_CLEANING, SURVEY_COMMENT);

  // the close (at the deadline, or when everybody answered)
  public static final String ANSWERED = "answered";
  public static final String ANSWER_RATE = "answerRate";
  public static final String SURVEY_RESULTS = "surveyResults";
  public static final String SURVEY_COMMENTS = "surveyComments";
  public static final String CLOSED_AT = "closedAt";

  private SurveyVariables() {
  }
}
