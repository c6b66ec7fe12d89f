package cn.jiangcheng.tracker.app.submission;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static cn.jiangcheng.tracker.app.submission.BadWorkbook.bad;

/**
 * An uploaded file before it is read as a form: its size, that it is an .xlsx and not an .xls, a password-protected
 * or a zip-bomb file, each refused with what the user should do instead.
 */
final class SubmissionWorkbookFile {
    /** Upload size accepted at all; the template itself is about 15 KB. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** Largest uncompressed part (sheet XML, shared strings) POI may inflate: far above any real form. */
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    /** Compressed ÷ uncompressed below this is treated as a zip bomb (POI's default, made sure of here). */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        harden();
    }

    private SubmissionWorkbookFile() {
    }

    /** ZipSecureFile's limits are JVM-wide: only ever tightened here, never loosened. */
    static synchronized void harden() {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
    }

    static byte[] readLimited(InputStream in) {
        if (in == null) {
            throw bad("没有收到上传的文件");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw bad("文件上传不完整，请重新上传");
        }
        if (bytes.length == 0) {
            throw bad("上传的文件是空的");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw bad("文件超过" + MAX_FILE_BYTES / 1024 / 1024 + "MB，请上传系统下载的填报模板");
        }
        return bytes;
    }

    static XSSFWorkbook open(byte[] bytes) {
        FileMagic magic = bytes.length < 8 ? FileMagic.UNKNOWN : FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                encrypted = fs.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                throw bad("文件已损坏，无法读取，请重新下载模板填写后再上传");
            }
            throw bad(encrypted ? "文件设置了打开密码，请在Excel中取消密码后再上传"
                    : "上传的是旧版Excel（.xls）文件，请在Excel中“另存为”.xlsx格式后再上传");
        }
        if (magic != FileMagic.OOXML) {
            throw bad("上传的文件不是Excel（.xlsx）文件，请上传系统下载的填报模板");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            if (mentions(e, "Zip bomb") || mentions(e, "potentially malicious")) {
                throw bad("文件解压后内容异常庞大，已拒绝读取，请上传系统下载的填报模板");
            }
            throw bad("文件已损坏或不是Excel（.xlsx）文件，无法读取，请重新下载模板填写后再上传");
        }
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
