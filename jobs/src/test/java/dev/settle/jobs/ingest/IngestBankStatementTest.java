package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bank statements (camt.053, a real ING sample) through the ingest job. */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class IngestBankStatementTest {

    static final JobTestSupport services = JobTestSupport.start("ingest_bank");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @AfterAll
    static void stop() {
        services.sftp.close();
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    void ingest(String date) throws Exception {
        assertThat(runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "bank", IngestJob.BUSINESS_DATE, date)).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    String status(String remoteName) {
        return jdbc.queryForObject("SELECT status FROM ingested_file WHERE remote_name = ?", String.class, remoteName);
    }

    @Test
    void a_statement_is_ingested_archived_and_a_broken_sequence_next_day_becomes_an_exception() throws Exception {
        String ing = JobTestSupport.fixture("iso20022/camt053/camt.053.001.02-ing.xml");
        services.publish("statements", "statement_20140103.xml", ing);
        ingest("2014-01-03");
        assertThat(status("statement_20140103.xml")).isEqualTo("INGESTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM visible_bank_entry", Long.class)).isPositive();
        assertThat(services.sftp.root().resolve("statements/archive/statement_20140103.xml")).exists();
        assertThat(services.sftp.root().resolve("statements/statement_20140103.xml")).doesNotExist();

        // next statement skips sequence 04 and opens with another balance than the last closing
        String next = ing.replace("<ElctrncSeqNb>03</ElctrncSeqNb>", "<ElctrncSeqNb>05</ElctrncSeqNb>")
                .replace("<Id>201401030009999</Id>", "<Id>201401050009999</Id>")
                .replaceFirst("(<Cd>OPBD</Cd>(?s:.*?)<Amt Ccy=\"EUR\">)[0-9.]+(</Amt>)", "$1999999.99$2");
        services.publish("statements", "statement_20140105.xml", next);
        ingest("2014-01-05");
        assertThat(status("statement_20140105.xml")).isEqualTo("INGESTED");
        assertThat(jdbc.queryForList("SELECT type FROM recon_exception WHERE business_date = DATE '2014-01-05' ORDER BY type",
                String.class)).containsExactly("STATEMENT_BALANCE_BREAK", "STATEMENT_SEQUENCE_GAP");
    }

    @Test
    void truncated_xml_rejects_the_whole_file_with_the_place_it_broke() throws Exception {
        String ing = JobTestSupport.fixture("iso20022/camt053/camt.053.001.02-ing.xml");
        String truncated = ing.substring(0, ing.length() / 2);
        services.publish("statements", "statement_truncated.xml", truncated);
        ingest("2014-02-01");
        assertThat(status("statement_truncated.xml")).isEqualTo("REJECTED");
        var fileId = jdbc.queryForObject("SELECT id FROM ingested_file WHERE remote_name = 'statement_truncated.xml'", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bank_entry WHERE file_id = ?", Long.class, fileId)).isZero();
        var error = jdbc.queryForMap("SELECT code, line_no, reason FROM ingest_error WHERE file_id = ? AND fatal", fileId);
        assertThat(error.get("code")).asString().startsWith("CAMT_");
        assertThat((Long) error.get("line_no")).isPositive();
        assertThat(jdbc.queryForObject("SELECT status_reason FROM ingested_file WHERE id = ?", String.class, fileId))
                .contains("CAMT_");
    }
}
