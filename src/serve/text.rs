//! Every string the web app shows, in both languages, in one place (they move to `ux`'s
//! vocabulary module when it lands). Vietnamese is the default; `soloai --lang en serve`
//! gives English.

use crate::lang::Lang;

/// The server's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Text(pub Lang);

macro_rules! words {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        impl Text {
            $(pub fn $name(self) -> &'static str { self.0.pick($vi, $en) })*
        }
    };
}

words! {
    app => "soloai — sơ loại bài dự thi", "soloai — contest pre-screening";
    login => "Đăng nhập", "Log in";
    logout => "Đăng xuất", "Log out";
    username => "Tên đăng nhập", "User name";
    password => "Mật khẩu", "Password";
    password_again => "Nhập lại mật khẩu", "Password again";
    display_name => "Họ và tên", "Full name";
    role => "Vai trò", "Role";
    role_admin => "Quản trị", "Administrator";
    role_secretary => "Thư ký", "Secretary";
    role_member => "Thành viên", "Member";
    bad_login => "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.";
    throttled => "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau", "Too many failed logins. Try again in";
    seconds => "giây", "seconds";
    setup_title => "Tạo tài khoản quản trị", "Create the administrator";
    setup_intro => "Máy chủ chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên; đường dẫn này chỉ dùng được một lần.", "The server has no account yet. Create the first administrator; this link works once.";
    setup_done => "Đã có tài khoản quản trị. Hãy đăng nhập.", "An administrator exists. Please log in.";
    setup_bad_token => "Đường dẫn tạo tài khoản không hợp lệ hoặc đã dùng.", "The set-up link is not valid or was used.";
    password_short => "Mật khẩu cần ít nhất 10 ký tự.", "The password needs at least 10 characters.";
    password_mismatch => "Hai lần nhập mật khẩu không khớp.", "The two passwords differ.";
    username_bad => "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 40 ký tự).", "User names use a-z, digits, dot, dash and underscore (at most 40).";
    username_taken => "Tên đăng nhập đã có.", "That user name is taken.";
    contests => "Cuộc thi", "Contests";
    no_contests => "Chưa có cuộc thi nào bạn được xem.", "No contest you may see yet.";
    new_contest => "Tạo cuộc thi", "New contest";
    contest_name => "Tên cuộc thi", "Contest name";
    year => "Năm", "Year";
    profile => "Bộ tiêu chí (hồ sơ cuộc thi)", "Contest profile";
    profile_upload => "hoặc tải lên tệp .toml", "or upload a .toml file";
    create => "Tạo", "Create";
    save => "Lưu", "Save";
    inputs => "Hồ sơ đầu vào", "Inputs";
    entries_files => "Tệp bài dự thi", "Entry files";
    upload_entries => "Tải lên bài dự thi", "Upload entries";
    upload_hint => "Chọn nhiều tệp, một tệp .zip của cả thư mục (có thể là cả thư mục cuộc thi có entries/, manifest.csv…), hoặc kéo thả vào đây.", "Pick several files, a .zip of a folder (a whole contest folder with entries/, manifest.csv… works too), or drop them here.";
    drop_here => "Kéo thả tệp vào đây", "Drop files here";
    upload => "Tải lên", "Upload";
    manifest => "Danh sách bài dự thi (CSV/XLSX)", "Manifest (CSV/XLSX)";
    units => "Danh sách đơn vị (CSV)", "Units (CSV)";
    excluded => "Người không được dự thi (CSV)", "Excluded persons (CSV)";
    profile_file => "Bộ tiêu chí riêng (.toml)", "Own profile (.toml)";
    present => "Đã có", "Present";
    absent => "Chưa có", "Missing";
    uploaded => "Đã lưu", "Saved";
    refused => "Bị từ chối", "Refused";
    ignored => "Bỏ qua", "Ignored";
    run => "Sơ loại", "Screening";
    start_run => "Bắt đầu sơ loại", "Start screening";
    rerun_note => "Chạy lại sau khi tải thêm bài chỉ đọc các tệp mới (bộ nhớ đệm).", "A re-run after new uploads reads only the new files (cache).";
    run_busy => "Một lượt sơ loại của cuộc thi này đang chạy.", "A screening run of this contest is already going.";
    run_queued => "Đang chờ lượt khác xong", "Waiting for another run";
    run_running => "Đang chạy", "Running";
    run_done => "Đã xong", "Done";
    run_failed => "Không chạy được", "Failed";
    run_interrupted => "Máy chủ dừng khi đang chạy; hãy chạy lại.", "The server stopped during the run; run it again.";
    no_entries => "Chưa có bài dự thi nào: hãy tải lên trước.", "No entries yet: upload some first.";
    stage_corpus => "Nạp kho đối chiếu", "Adding corpus";
    stage_read => "Đọc bài dự thi", "Reading entries";
    stage_check => "Kiểm tra thể thức", "Checking form";
    stage_compare => "Đối chiếu trùng lặp", "Comparing";
    stage_report => "Ghi báo cáo", "Writing reports";
    history => "Các lượt đã chạy", "Runs";
    started => "Bắt đầu", "Started";
    by => "Người thực hiện", "By";
    status => "Trạng thái", "Status";
    entries => "Bài dự thi", "Entries";
    flagged => "Có cảnh báo", "Flagged";
    from_cache => "Lấy từ bộ nhớ đệm", "From cache";
    duration => "Thời gian", "Time";
    reports => "Báo cáo", "Reports";
    dashboard => "Bảng tổng hợp (như bản dòng lệnh)", "Dashboard (as the CLI writes it)";
    download => "Tải về", "Download";
    download_zip => "Tất cả báo cáo (.zip)", "All reports (.zip)";
    no_report => "Chưa có báo cáo: hãy chạy sơ loại.", "No report yet: run the screening.";
    council => "Hội đồng", "Council";
    council_unit => "Đơn vị tổ chức", "Organizing unit";
    council_parent => "Cơ quan chủ quản", "Parent body";
    council_name => "Tên Hội đồng", "Council name";
    council_place => "Địa danh", "Place";
    council_number => "Số biên bản", "Minutes number";
    council_symbol => "Ký hiệu", "Symbol";
    council_date => "Ngày họp", "Meeting date";
    council_start => "Giờ bắt đầu", "Start time";
    council_end => "Giờ kết thúc", "End time";
    council_venue => "Địa điểm", "Venue";
    council_members => "Thành viên (mỗi dòng: Họ và tên | Chức vụ | chu-tich/pho-chu-tich/thu-ky/thanh-vien | tên đăng nhập)", "Members (one a line: Name | Position | chu-tich/pho-chu-tich/thu-ky/thanh-vien | user name)";
    council_unknown_users => "Không có tài khoản", "No such account";
    entry => "Bài dự thi", "Entry";
    flags => "Cảnh báo", "Flags";
    verdict => "Kết quả của phần mềm", "Software's verdict";
    decision => "Quyết định của Hội đồng", "Council's decision";
    decisions => "Quyết định", "Decisions";
    accept => "Xác nhận", "Accept";
    dismiss => "Bỏ qua", "Dismiss";
    accepted => "Đã xác nhận", "Accepted";
    dismissed => "Đã bỏ qua", "Dismissed";
    pending => "Chưa quyết định", "Pending";
    reason => "Lý do", "Reason";
    reason_required => "Cần ghi rõ lý do.", "A reason is required.";
    no_flags => "Không có cảnh báo.", "No flags.";
    full_report => "Trang báo cáo chi tiết", "Full report page";
    evidence => "Căn cứ", "Evidence";
    title => "Tên bài", "Title";
    unit => "Đơn vị", "Unit";
    originality => "Tỷ lệ nguyên gốc", "Originality";
    file => "Tệp", "File";
    audit => "Nhật ký", "Audit log";
    when => "Thời điểm", "When";
    who => "Người", "Who";
    action => "Việc", "Action";
    detail => "Chi tiết", "Detail";
    users => "Tài khoản", "Users";
    new_user => "Tạo tài khoản", "New user";
    active => "Đang dùng", "Active";
    disable => "Khoá", "Disable";
    enable => "Mở khoá", "Enable";
    new_password => "Đặt mật khẩu mới", "Set new password";
    corpus => "Kho đối chiếu", "Corpus";
    corpus_search => "Tìm trong kho đối chiếu (gõ có dấu hoặc không dấu)", "Search the corpus (with or without diacritics)";
    search => "Tìm", "Search";
    no_hits => "Không tìm thấy tài liệu nào.", "No document found.";
    corpus_add => "Thêm tài liệu vào kho", "Add documents";
    kind => "Loại", "Kind";
    contest_of => "Cuộc thi đã dự", "Contest";
    awarded => "Đạt giải", "Awarded";
    province => "Tỉnh", "Province";
    yes => "Có", "Yes";
    no => "Không", "No";
    unknown => "Chưa rõ", "Unknown";
    corpus_added => "tài liệu mới", "new documents";
    corpus_duplicates => "đã có trong kho", "already there";
    corpus_failed => "không đọc được", "unreadable";
    awards => "Giải thưởng và đưa vào kho", "Prizes and the corpus";
    awards_hint => "Sau cuộc thi: ghi giải của từng bài rồi đưa mọi bài vào kho đối chiếu (loại bài dự thi trước) trong một bước.", "After the contest: record each entry's prize, then add every entry to the corpus (as past entries) in one step.";
    prize => "Giải", "Prize";
    prize_none => "Không đạt giải", "No prize";
    prize_first => "Giải Nhất", "First prize";
    prize_second => "Giải Nhì", "Second prize";
    prize_third => "Giải Ba", "Third prize";
    prize_consolation => "Giải Khuyến khích", "Consolation prize";
    add_to_corpus => "Đưa các bài vào kho đối chiếu", "Add the entries to the corpus";
    forbidden => "Bạn không có quyền xem trang này.", "You may not see this page.";
    not_found => "Không tìm thấy trang.", "Page not found.";
    bad_request => "Yêu cầu không hợp lệ", "Bad request";
    csrf_failed => "Biểu mẫu đã hết hạn hoặc không hợp lệ. Tải lại trang rồi thử lại.", "The form expired or is not valid. Reload the page and try again.";
    server_error => "Lỗi máy chủ", "Server error";
    back => "Quay lại", "Back";
    home => "Trang chủ", "Home";
    too_large => "Tệp quá lớn", "File too large";
    empty_file => "Tệp rỗng (0 byte)", "Empty file (0 bytes)";
    bad_name => "Tên tệp không hợp lệ", "Invalid file name";
    zip_traversal => "Tệp nén chứa đường dẫn ra ngoài thư mục", "The archive has a path leading outside its folder";
    zip_symlink => "Tệp nén chứa liên kết tượng trưng (symlink)", "The archive holds a symbolic link";
    zip_bomb => "Tệp nén giải nén ra quá lớn (nghi là bom nén)", "The archive expands too much (a zip bomb?)";
    zip_too_many => "Tệp nén có quá nhiều tệp", "The archive holds too many files";
    zip_broken => "Tệp nén bị hỏng", "The archive is damaged";
    wrong_type => "Loại tệp không phù hợp", "Wrong kind of file";
    profile_invalid => "Bộ tiêu chí không hợp lệ", "The profile is not valid";
    members_only => "Chỉ thành viên Hội đồng của cuộc thi này được xem.", "Only this contest's council may see it.";
    progress => "Tiến độ", "Progress";
    open_report => "Mở báo cáo", "Open the report";
    minutes => "Biên bản sơ loại (.docx)", "Screening minutes (.docx)";
    summary_xlsx => "Bảng tổng hợp (.xlsx)", "Summary (.xlsx)";
    admin_link => "Tạo tài khoản quản trị tại", "Create the administrator at";
    listening => "soloai đang phục vụ tại", "soloai is serving at";
    decided_by => "bởi", "by";
    original_verdict_note => "Kết quả của phần mềm giữ nguyên; quyết định của Hội đồng ghi bên cạnh và vào biên bản.", "The software's verdict stays as it was; the council's decision is shown beside it and goes into the minutes.";
}

impl Text {
    pub fn role_name(self, role: crate::serve::db::Role) -> &'static str {
        use crate::serve::db::Role;
        match role {
            Role::Admin => self.role_admin(),
            Role::Secretary => self.role_secretary(),
            Role::Member => self.role_member(),
        }
    }

    pub fn prize_name(self, code: &str) -> &'static str {
        match code {
            "first" => self.prize_first(),
            "second" => self.prize_second(),
            "third" => self.prize_third(),
            "consolation" => self.prize_consolation(),
            _ => self.prize_none(),
        }
    }

    pub fn action_name(self, action: &str) -> &'static str {
        match action {
            "accept" => self.accepted(),
            "dismiss" => self.dismissed(),
            _ => self.pending(),
        }
    }
}

/// Prize codes stored for an entry, in the order the form lists them.
pub const PRIZES: [&str; 5] = ["", "first", "second", "third", "consolation"];
