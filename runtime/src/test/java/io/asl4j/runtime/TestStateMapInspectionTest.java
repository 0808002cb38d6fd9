package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * TestState's inspection data of a Map: {@code afterItemsPointer}, {@code afterItemSelector},
 * {@code afterItemBatcher}.
 */
class TestStateMapInspectionTest {
  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  @Test
  void aMapShowsItsItemsAfterItemSelectorAndItsBatchesAfterItemBatcher() {
    TestStateResult result =
        TestState.of(
                json(
                    "{'Type':'Map','ItemsPath':'$.list',"
                        + "'ItemSelector':{'v.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index'},"
                        + "'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'b':1}},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}"))
            .input(json("{'list':['a','b','c']}"))
            .mockResult("[]")
            .inspectionLevel(TestState.InspectionLevel.DEBUG)
            .run();

    assertEquals(
        json(
            "{'input':{'list':['a','b','c']},'afterInputPath':{'list':['a','b','c']},'afterItemsPath':['a','b','c'],"
                + "'afterItemSelector':[{'v':'a','i':0},{'v':'b','i':1},{'v':'c','i':2}],"
                + "'afterItemBatcher':[{'BatchInput':{'b':1},'Items':[{'v':'a','i':0},{'v':'b','i':1}]},"
                + "{'BatchInput':{'b':1},'Items':[{'v':'c','i':2}]}],"
                + "'afterResultSelector':[],'afterResultPath':[],'maxConcurrency':0}"),
        result.inspectionData());
  }

  @Test
  void itemsPointerPicksTheItemsOutOfTheReaderDataAndShowsThemAfterItemsPointer() {
    TestStateResult result =
        TestState.of(
                json(
                    "{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON','ItemsPointer':'/rows'},"
                        + "'Arguments':{'Bucket':'b','Key':'k'}},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"))
            .stateName("M")
            .input(json("{}"))
            .stateConfiguration(json("{'mapItemReaderData':'{\\\"rows\\\":[1,2],\\\"n\\\":2}'}"))
            .inspectionLevel(TestState.InspectionLevel.DEBUG)
            .run();

    assertEquals(TestStateResult.Status.SUCCEEDED, result.status());
    assertEquals(json("[1,2]"), result.output());
    assertEquals(
        json("{'input':{},'afterItemsPointer':[1,2],'maxConcurrency':0}"), result.inspectionData());
  }
}
