package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.RATING_CANTEEN;
import static edu.campus.logistics.survey.SurveyVariables.RATING_CLEANING;
import static edu.campus.logistics.survey.SurveyVariables.RATING_DORMITORY;
import static edu.campus.logistics.survey.SurveyVariables.RATING_GATE;
import static edu.campus.logistics.survey.SurveyVariables.RATING_GROUNDS;
import static edu.campus.logistics.survey.SurveyVariables.RATING_REPAIR;

import java.util.Arrays;
import java.util.Optional;

/** The service areas a questionnaire rates: the same codes and words as feedback's areas (docs/glossary.md). */
public enum SurveyArea {
  CANTEEN("canteen", "食堂", RATING_CANTEEN),
  DORMITORY("dormitory", "宿舍", RATING_DORMITORY),
  REPAIR("repair", "维修", RATING_REPAIR),
  GATE("gate", "门卫", RATING_GATE),
  GROUNDS("grounds", "绿化", RATING_GROUNDS),
  CLEANING("cleaning", "保洁", RATING_CLEANING);

  private final String code;
  private final String label;
  private final String ratingField;

  SurveyArea(String code, String label, String ratingField) {
    this.code = code;
    this.label = label;
    this.ratingField = ratingField;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The questionnaire's field for this area. */
  public String ratingField() {
    return ratingField;
  }

  public static Optional<SurveyArea> byCode(String code) {
    return Arrays.stream(values()).filter(area -> area.code.equals(code)).findFirst();
  }
}
