<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutPopup</name>
    <message>
        <source>Desktop client for the field reports of a city operations center.</source>
        <translation>Phần mềm máy trạm xử lý phản ánh hiện trường của trung tâm điều hành đô thị.</translation>
    </message>
    <message>
        <source>Data sources and licences:</source>
        <translation>Nguồn dữ liệu và giấy phép:</translation>
    </message>
    <message>
        <source>Ward and commune boundaries: © OpenStreetMap contributors, ODbL 1.0.</source>
        <translation>Ranh giới phường, xã: © OpenStreetMap contributors, ODbL 1.0.</translation>
    </message>
    <message>
        <source>Older commune boundaries: vietnam63 by Marc Choisy, MIT licence.</source>
        <translation>Ranh giới xã, phường cũ: vietnam63 của Marc Choisy, giấy phép MIT.</translation>
    </message>
    <message>
        <source>Demo reports: public pages of tuongtac.hue.gov.vn (HueIOC).</source>
        <translation>Phản ánh mẫu: các trang công khai của tuongtac.hue.gov.vn (HueIOC).</translation>
    </message>
    <message>
        <source>Demo photos: Wikimedia Commons authors (CC BY-SA 2.0/4.0, CC0, public domain); demo video: Intel IoT devkit sample-videos (CC BY 4.0). Details in resources/demo/media/SOURCE.md.</source>
        <translation>Ảnh mẫu: các tác giả trên Wikimedia Commons (CC BY-SA 2.0/4.0, CC0, phạm vi công cộng); video mẫu: Intel IoT devkit sample-videos (CC BY 4.0). Chi tiết trong resources/demo/media/SOURCE.md.</translation>
    </message>
    <message>
        <source>Authors: the CivicDesk developers.</source>
        <translation>Tác giả: nhóm phát triển CivicDesk.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AttentionPopup</name>
    <message>
        <source>Classify</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Sửa nội dung</translation>
    </message>
    <message>
        <source>Return to the center</source>
        <translation>Trả về trung tâm</translation>
    </message>
    <message>
        <source>Up and Down choose a change; M re-applies yours on the current state, T keeps the other version, D dismisses, Enter opens the report.</source>
        <translation>Lên, Xuống để chọn một thay đổi; M áp dụng lại thay đổi của bạn trên trạng thái hiện tại, T giữ phiên bản kia, D bỏ qua, Enter mở phản ánh.</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Không có gì cần xem lại.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Của bạn</translation>
    </message>
    <message>
        <source>On the central now</source>
        <translation>Hiện có trên máy chủ trung tâm</translation>
    </message>
    <message numerus="yes">
        <source>%n later action(s) on this report wait for your decision.</source>
        <translation>
            <numerusform>%n thao tác sau đó trên phản ánh này đang chờ bạn quyết định.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>Áp dụng lại của tôi</translation>
    </message>
    <message>
        <source>Keep theirs, send my other fields</source>
        <translation>Giữ bản kia, gửi các mục khác của tôi</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Giữ bản kia</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Mở phản ánh</translation>
    </message>
    <message>
        <source>Undo bulk change</source>
        <translation>Hoàn tác thay đổi hàng loạt</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message numerus="yes">
        <source>%n marked</source>
        <translation>
            <numerusform>Đã đánh dấu %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Tin rác</translation>
    </message>
    <message>
        <source>Unmark</source>
        <translation>Bỏ đánh dấu</translation>
    </message>
    <message>
        <source>Undo until %1</source>
        <translation>Hoàn tác đến %1</translation>
    </message>
</context>
<context>
    <name>BulkPreviewPopup</name>
    <message numerus="yes">
        <source>%n of the listed reports return to their earlier state.</source>
        <translation>
            <numerusform>%n phản ánh trong danh sách trở về trạng thái trước đó.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the listed reports change.</source>
        <translation>
            <numerusform>%n phản ánh trong danh sách sẽ thay đổi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter confirms, Escape cancels.</source>
        <translation>Enter để xác nhận, Esc để hủy.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n report(s)</source>
        <translation>
            <numerusform>Khôi phục %n phản ánh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change %n report(s)</source>
        <translation>
            <numerusform>Thay đổi %n phản ánh</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CivicDesk</name>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>Đã phân loại</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Đã chuyển xử lý</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Waiting for information</source>
        <translation>Chờ bổ sung thông tin</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Trùng lặp</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Ứng dụng</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Cổng thông tin</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>Đường dây nóng</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ nguồn</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Forwarded to agency</source>
        <translation>Chuyển đơn vị xử lý</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Nhận xử lý</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Ghi chú nội bộ</translation>
    </message>
    <message>
        <source>Response published</source>
        <translation>Công bố kết quả</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Reporter revealed</source>
        <translation>Xem thông tin người phản ánh</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 giờ</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>quá hạn %1</translation>
    </message>
    <message>
        <source>(not synced)</source>
        <translation>(chưa đồng bộ)</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Chưa phân loại</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Đã chờ</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>The local replica cannot be opened. Check the data folder and restart CivicDesk.</source>
        <translation>Không mở được dữ liệu trên máy. Hãy kiểm tra thư mục dữ liệu rồi khởi động lại CivicDesk.</translation>
    </message>
    <message>
        <source>This action is not allowed now: %1</source>
        <translation>Chưa thể thực hiện thao tác này: %1</translation>
    </message>
    <message>
        <source>Report %1 was not found.</source>
        <translation>Không tìm thấy phản ánh %1.</translation>
    </message>
    <message>
        <source>Reading the local replica failed: %1</source>
        <translation>Đọc dữ liệu trên máy thất bại: %1</translation>
    </message>
    <message>
        <source>The reporter could not be shown: %1</source>
        <translation>Không xem được người phản ánh: %1</translation>
    </message>
    <message>
        <source>This action does not fit the report&apos;s current status.</source>
        <translation>Thao tác này không phù hợp với trạng thái hiện tại của phản ánh.</translation>
    </message>
    <message>
        <source>A required value was missing.</source>
        <translation>Thiếu thông tin bắt buộc.</translation>
    </message>
    <message>
        <source>The field or agency chosen is not known on the central.</source>
        <translation>Máy chủ trung tâm không có lĩnh vực hoặc đơn vị đã chọn.</translation>
    </message>
    <message>
        <source>The report no longer exists on the central, or is no longer yours to see.</source>
        <translation>Phản ánh không còn trên máy chủ trung tâm, hoặc bạn không còn được xem phản ánh này.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Vai trò của bạn không được phép thực hiện thay đổi này.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>The central cannot be reached. Click to try again.</source>
        <translation>Không kết nối được máy chủ trung tâm. Bấm để thử lại.</translation>
    </message>
    <message>
        <source>The central does not have this file.</source>
        <translation>Máy chủ trung tâm không có tệp này.</translation>
    </message>
    <message>
        <source>The central&apos;s copy of this file is damaged. Tell an administrator.</source>
        <translation>Bản lưu của tệp này trên máy chủ trung tâm bị hỏng. Hãy báo quản trị viên.</translation>
    </message>
    <message>
        <source>This file cannot be kept on this computer: the media cache is full or cannot be written. See the log.</source>
        <translation>Không lưu được tệp này trên máy: bộ nhớ đệm ảnh, video đã đầy hoặc không ghi được. Xem nhật ký.</translation>
    </message>
    <message>
        <source>Text edited</source>
        <translation>Đã sửa nội dung</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Thay đổi bị từ chối</translation>
    </message>
    <message>
        <source>Someone changed this report&apos;s status or assignment first. Look at its current state and decide again.</source>
        <translation>Người khác đã đổi trạng thái hoặc việc phân công của phản ánh này trước. Hãy xem trạng thái hiện tại và quyết định lại.</translation>
    </message>
    <message>
        <source>Someone changed the same text first. Compare both versions and choose.</source>
        <translation>Người khác đã sửa cùng nội dung này trước. Hãy so sánh hai phiên bản và chọn.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Public response</source>
        <translation>Trả lời công khai</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Mức ưu tiên</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <source>%1: proposed %2, current %3</source>
        <translation>%1: đề xuất %2, hiện tại %3</translation>
    </message>
    <message>
        <source>This report has a refused change. Decide on it under &quot;Needs attention&quot; first.</source>
        <translation>Phản ánh này có một thay đổi bị từ chối. Hãy quyết định trong mục &quot;Cần xem lại&quot; trước.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Giám sát viên</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>Màn hình giám sát</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>kho mật khẩu không phản hồi sau %1 giây</translation>
    </message>
    <message>
        <source>This computer has no working keychain (%1), so CivicDesk cannot remember the password and asks for it at each start.</source>
        <translation>Máy tính này không có kho mật khẩu hoạt động (%1), nên CivicDesk không thể ghi nhớ mật khẩu và sẽ hỏi lại mỗi lần khởi động.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>The saved password was not accepted: %1</source>
        <translation>Mật khẩu đã lưu không được chấp nhận: %1</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1. Check the user name and password.</source>
        <translation>Máy chủ từ chối đăng nhập: %1. Hãy kiểm tra tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>The central server cannot be reached (%1). You can work offline on this workstation&apos;s copy; your changes are sent when the server is back.</source>
        <translation>Không kết nối được máy chủ trung tâm (%1). Bạn có thể làm việc ngoại tuyến trên bản sao của máy trạm này; các thay đổi sẽ được gửi khi máy chủ hoạt động trở lại.</translation>
    </message>
    <message>
        <source>The central server cannot be reached (%1). This workstation has no local copy yet, so it cannot work offline. Check the network and try again.</source>
        <translation>Không kết nối được máy chủ trung tâm (%1). Máy trạm này chưa có bản sao dữ liệu nên không thể làm việc ngoại tuyến. Hãy kiểm tra mạng rồi thử lại.</translation>
    </message>
    <message>
        <source>Former unit, before 2025</source>
        <translation>Đơn vị cũ, trước năm 2025</translation>
    </message>
    <message>
        <source>Former unit of %1, before 2025</source>
        <translation>Đơn vị cũ thuộc %1, trước năm 2025</translation>
    </message>
    <message>
        <source>Commune</source>
        <comment>kind of place</comment>
        <translation>Xã</translation>
    </message>
    <message>
        <source>Ward</source>
        <comment>kind of place</comment>
        <translation>Phường</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Urgent report not claimed</source>
        <translation>Phản ánh khẩn chưa ai nhận</translation>
    </message>
    <message>
        <source>Urgent report %1 not claimed</source>
        <translation>Phản ánh khẩn %1 chưa ai nhận</translation>
    </message>
    <message>
        <source>Received at %1. Nobody has claimed it yet.</source>
        <translation>Tiếp nhận lúc %1. Chưa ai nhận xử lý.</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>Đề nghị gia hạn</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>Từ chối gia hạn</translation>
    </message>
    <message>
        <source>Urgent, still unclaimed</source>
        <translation>Khẩn, vẫn chưa ai nhận</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>tạm dừng</translation>
    </message>
    <message>
        <source>With an agency</source>
        <translation>Đang ở đơn vị xử lý</translation>
    </message>
    <message>
        <source>Claiming needs the central, which cannot be reached now. The report stays open to everyone.</source>
        <translation>Cần kết nối với máy chủ trung tâm để nhận xử lý, nhưng hiện không kết nối được. Phản ánh vẫn để ngỏ cho mọi người.</translation>
    </message>
    <message>
        <source>No unclaimed report matches the queue&apos;s filters.</source>
        <translation>Không còn phản ánh nào chưa ai nhận khớp bộ lọc của hàng đợi.</translation>
    </message>
    <message>
        <source>%1 is working on this report.</source>
        <translation>%1 đang xử lý phản ánh này.</translation>
    </message>
    <message>
        <source>Enter a title or a description.</source>
        <translation>Nhập tiêu đề hoặc nội dung.</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>Tiêu đề dài hơn %1 ký tự.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Nội dung dài hơn %1 ký tự.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number. Write it as 0905 123 456 or +84 905 123 456.</source>
        <translation>“%1” không phải là số điện thoại. Hãy ghi dạng 0905 123 456 hoặc +84 905 123 456.</translation>
    </message>
    <message>
        <source>The place is not a valid latitude and longitude. Pick it on the map again.</source>
        <translation>Vị trí không phải là vĩ độ và kinh độ hợp lệ. Hãy chọn lại trên bản đồ.</translation>
    </message>
    <message>
        <source>Your role may not create reports.</source>
        <translation>Vai trò của bạn không được tạo phản ánh.</translation>
    </message>
    <message>
        <source>The file %1 cannot be attached: it is missing, empty, larger than %2 MB, or not a photo, video or audio recording.</source>
        <translation>Không thể đính kèm tệp %1: tệp không tồn tại, rỗng, lớn hơn %2 MB, hoặc không phải ảnh, video hay bản ghi âm.</translation>
    </message>
    <message>
        <source>Undo the last bulk change</source>
        <translation>Hoàn tác thay đổi hàng loạt gần nhất</translation>
    </message>
    <message>
        <source>Forward the marked reports</source>
        <translation>Chuyển xử lý các phản ánh đã đánh dấu</translation>
    </message>
    <message>
        <source>Set the field of the marked reports</source>
        <translation>Đặt lĩnh vực cho các phản ánh đã đánh dấu</translation>
    </message>
    <message>
        <source>Reject the marked reports as spam</source>
        <translation>Từ chối các phản ánh đã đánh dấu vì là tin rác</translation>
    </message>
    <message>
        <source>Left out: it already has this value.</source>
        <translation>Bỏ qua: phản ánh đã có giá trị này.</translation>
    </message>
    <message>
        <source>Left out: this action does not fit its status.</source>
        <translation>Bỏ qua: thao tác không phù hợp với trạng thái của phản ánh.</translation>
    </message>
    <message>
        <source>Left out: someone else has claimed it.</source>
        <translation>Bỏ qua: người khác đang nhận xử lý.</translation>
    </message>
    <message>
        <source>Left out: the rules refuse this change now.</source>
        <translation>Bỏ qua: quy trình không cho phép thay đổi này lúc này.</translation>
    </message>
    <message>
        <source>Left alone: changed by someone since.</source>
        <translation>Giữ nguyên: đã có người thay đổi sau đó.</translation>
    </message>
    <message>
        <source>Left out: a refused change waits under &quot;Needs attention&quot;.</source>
        <translation>Bỏ qua: có một thay đổi bị từ chối đang chờ trong mục &quot;Cần xem lại&quot;.</translation>
    </message>
    <message>
        <source>Left alone: the time to undo is over.</source>
        <translation>Giữ nguyên: đã hết thời gian hoàn tác.</translation>
    </message>
    <message>
        <source>The bulk change was not made: %1</source>
        <translation>Chưa thực hiện được thay đổi hàng loạt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) restored</source>
        <translation>
            <numerusform>Đã khôi phục %n phản ánh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left alone</source>
        <translation>
            <numerusform>; giữ nguyên %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) changed</source>
        <translation>
            <numerusform>Đã thay đổi %n phản ánh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left out</source>
        <translation>
            <numerusform>; bỏ qua %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Bulk change undone</source>
        <translation>Đã hoàn tác thay đổi hàng loạt</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a report in the queue or on the map.</source>
        <translation>Chọn một phản ánh trong danh sách hoặc trên bản đồ.</translation>
    </message>
    <message>
        <source>(not synced)</source>
        <translation>(chưa đồng bộ)</translation>
    </message>
    <message>
        <source>Waiting for the central…</source>
        <translation>Đang chờ máy chủ trung tâm…</translation>
    </message>
    <message>
        <source>Saved on the central</source>
        <translation>Đã lưu trên máy chủ trung tâm</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Chưa phân loại</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Mức ưu tiên</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>mô phỏng</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>gần đúng</translation>
    </message>
    <message>
        <source>No location</source>
        <translation>Không có vị trí</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Người phản ánh</translation>
    </message>
    <message numerus="yes">
        <source>Hidden (%n person(s))</source>
        <translation>
            <numerusform>Đang ẩn (%n người)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Không có thông tin</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Kết quả xử lý</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Diễn biến</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Enter saves, Shift+Enter starts a new line, Escape cancels. A colleague&apos;s change to another field is kept.</source>
        <translation>Enter để lưu, Shift+Enter để xuống dòng, Escape để hủy. Thay đổi của đồng nghiệp ở mục khác vẫn được giữ.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Public response</source>
        <translation>Trả lời công khai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Sửa nội dung</translation>
    </message>
    <message>
        <source>Return to the center</source>
        <translation>Trả về trung tâm</translation>
    </message>
    <message>
        <source>%1 m away</source>
        <translation>cách %1 m</translation>
    </message>
    <message>
        <source>same ward</source>
        <translation>cùng phường, xã</translation>
    </message>
    <message>
        <source>Possible duplicate of %1 (%2% alike, %3, %4): %5</source>
        <translation>Có thể trùng với %1 (giống %2%, %3, %4): %5</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>và %n phản ánh khác</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>(paused since %1)</source>
        <translation>(tạm dừng từ %1)</translation>
    </message>
    <message>
        <source>More time asked</source>
        <translation>Đề nghị gia hạn</translation>
    </message>
    <message>
        <source>until %1: %2</source>
        <translation>đến %1: %2</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Người nhận xử lý</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1, đến %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Nhận xử lý</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Trùng lặp</translation>
    </message>
    <message>
        <source>Take in hand</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Respond</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source>Ask the citizen</source>
        <translation>Hỏi người dân</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>Ghi trả lời</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>Xin gia hạn</translation>
    </message>
    <message>
        <source>Decide on more time</source>
        <translation>Duyệt gia hạn</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Refused: needs your decision (%1)</source>
        <translation>Bị từ chối: cần bạn quyết định (%1)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Chưa phân loại</translation>
    </message>
    <message>
        <source>All wards</source>
        <translation>Mọi phường, xã</translation>
    </message>
    <message>
        <source>Search code, text, address (%1)</source>
        <translation>Tìm mã, nội dung, địa chỉ (%1)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Click the place on the map. Escape goes back to the form.</source>
        <translation>Nhấp vào vị trí trên bản đồ. Phím Esc để quay lại biểu mẫu.</translation>
    </message>
    <message>
        <source>Attach photos, videos or recordings</source>
        <translation>Đính kèm ảnh, video hoặc bản ghi âm</translation>
    </message>
    <message>
        <source>Photos, videos and recordings (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.webm *.m4a *.mp3 *.ogg *.wav)</source>
        <translation>Ảnh, video và bản ghi âm (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.webm *.m4a *.mp3 *.ogg *.wav)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>New report from a hotline call</source>
        <translation>Phản ánh mới qua đường dây nóng</translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation>Họ tên người gọi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Description (Ctrl+Enter creates)</source>
        <translation>Nội dung (Ctrl+Enter để tạo)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <source>Pick on map</source>
        <translation>Chọn trên bản đồ</translation>
    </message>
    <message>
        <source>Use map centre</source>
        <translation>Dùng tâm bản đồ</translation>
    </message>
    <message>
        <source>No place yet</source>
        <translation>Chưa có vị trí</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Drop to attach</source>
        <translation>Thả vào để đính kèm</translation>
    </message>
    <message>
        <source>or drop photos, videos and recordings here</source>
        <translation>hoặc thả ảnh, video và bản ghi âm vào đây</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Copying the files…</source>
        <translation>Đang sao chép tệp…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>CivicDesk — field reports</source>
        <translation>CivicDesk — phản ánh hiện trường</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Classify report %1</source>
        <translation>Phân loại phản ánh %1</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Type to filter fields</source>
        <translation>Gõ để lọc lĩnh vực</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Forward report %1 to an agency</source>
        <translation>Chuyển phản ánh %1 đến đơn vị xử lý</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Type to filter agencies</source>
        <translation>Gõ để lọc đơn vị</translation>
    </message>
    <message>
        <source>Reject report %1</source>
        <translation>Từ chối phản ánh %1</translation>
    </message>
    <message>
        <source>The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>Lý do được ghi vào diễn biến. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Internal note on %1</source>
        <translation>Ghi chú nội bộ cho %1</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Thêm ghi chú</translation>
    </message>
    <message>
        <source>Show the reporter of %1</source>
        <translation>Xem người phản ánh %1</translation>
    </message>
    <message>
        <source>Names and phone numbers are personal data. Your name and this reason are recorded in the timeline. Ctrl+Enter confirms.</source>
        <translation>Họ tên và số điện thoại là dữ liệu cá nhân. Tên của bạn và lý do này được ghi vào diễn biến. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Return report %1 to the center</source>
        <translation>Trả phản ánh %1 về trung tâm</translation>
    </message>
    <message>
        <source>The report goes back to triage without an agency. Say why it is not this agency&apos;s work. Ctrl+Enter confirms.</source>
        <translation>Phản ánh quay lại bước phân loại, không còn giao cho đơn vị nào. Nêu lý do phản ánh không thuộc trách nhiệm của đơn vị này. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Trả về</translation>
    </message>
    <message>
        <source>Notes are never shown to citizens; the agency handling the report sees them. Ctrl+Enter confirms.</source>
        <translation>Ghi chú không bao giờ hiển thị cho người dân; đơn vị đang xử lý phản ánh xem được. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Report %1 duplicates</source>
        <translation>Phản ánh %1 trùng với</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Type to filter the suggestions</source>
        <translation>Gõ để lọc các gợi ý</translation>
    </message>
    <message>
        <source>Public response to %1</source>
        <translation>Trả lời công khai phản ánh %1</translation>
    </message>
    <message>
        <source>The citizen reads this answer; internal notes stay apart. Alt+1 to Alt+9 start from a template. Ctrl+Enter publishes.</source>
        <translation>Người dân đọc được nội dung này; ghi chú nội bộ để riêng. Alt+1 đến Alt+9 chọn mẫu trả lời. Nhấn Ctrl+Enter để công bố.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Công bố</translation>
    </message>
    <message>
        <source>Ask the citizen about %1</source>
        <translation>Hỏi người dân về phản ánh %1</translation>
    </message>
    <message>
        <source>The deadline pauses until the answer is recorded. Ctrl+Enter confirms.</source>
        <translation>Thời hạn tạm dừng cho đến khi ghi nhận trả lời. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Hỏi</translation>
    </message>
    <message>
        <source>The citizen&apos;s answer on %1</source>
        <translation>Trả lời của người dân về phản ánh %1</translation>
    </message>
    <message>
        <source>The report returns to the agency and its deadline runs again. Ctrl+Enter confirms.</source>
        <translation>Phản ánh trở lại đơn vị xử lý và thời hạn tiếp tục tính. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>More time for %1</source>
        <translation>Xin gia hạn phản ánh %1</translation>
    </message>
    <message>
        <source>Deadline now: %1. A supervisor approves or refuses. Ctrl+Enter asks.</source>
        <translation>Hạn hiện tại: %1. Giám sát viên sẽ duyệt hoặc từ chối. Nhấn Ctrl+Enter để gửi đề nghị.</translation>
    </message>
    <message>
        <source>Ask for more time</source>
        <translation>Đề nghị gia hạn</translation>
    </message>
    <message>
        <source>Extension of %1 to %2</source>
        <translation>Gia hạn phản ánh %1 đến %2</translation>
    </message>
    <message>
        <source>Reason given: %1. Ctrl+Enter approves; refusing needs a reason.</source>
        <translation>Lý do: %1. Nhấn Ctrl+Enter để duyệt; từ chối cần nêu lý do.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Reopen report %1</source>
        <translation>Mở lại phản ánh %1</translation>
    </message>
    <message>
        <source>The report goes back to triage. The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>Phản ánh quay lại bước phân loại. Lý do được ghi vào diễn biến. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Release %1&apos;s claim on %2</source>
        <translation>Gỡ quyền xử lý của %1 đối với %2</translation>
    </message>
    <message>
        <source>The report becomes free for everyone. The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>Phản ánh được để ngỏ cho mọi người. Lý do được ghi vào diễn biến. Nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>Phản ánh mới</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím tắt</translation>
    </message>
    <message numerus="yes">
        <source>Forward %n marked report(s) to an agency</source>
        <translation>
            <numerusform>Chuyển %n phản ánh đã đánh dấu đến đơn vị xử lý</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message numerus="yes">
        <source>Set the field of %n marked report(s)</source>
        <translation>
            <numerusform>Đặt lĩnh vực cho %n phản ánh đã đánh dấu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>Map saved as %1</source>
        <translation>Đã lưu bản đồ thành %1</translation>
    </message>
    <message>
        <source>The map could not be saved as %1</source>
        <translation>Không lưu được bản đồ thành %1</translation>
    </message>
    <message>
        <source>Drag a rectangle…</source>
        <translation>Kéo để vẽ vùng…</translation>
    </message>
    <message>
        <source>Filter by area</source>
        <translation>Lọc theo vùng</translation>
    </message>
    <message>
        <source>Clear area</source>
        <translation>Bỏ vùng</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Lưu ảnh</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) in view</source>
        <translation>
            <numerusform>%n phản ánh trong khung nhìn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) at this place</source>
        <translation>
            <numerusform>%n phản ánh tại vị trí này</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to ward or commune… (%1)</source>
        <translation>Đi đến phường, xã… (%1)</translation>
    </message>
</context>
<context>
    <name>MapScaleBar</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>MapTileNotices</name>
    <message>
        <source>The base map is not configured correctly; see the log.</source>
        <translation>Bản đồ nền chưa được cấu hình đúng; xem nhật ký.</translation>
    </message>
    <message>
        <source>No base map: only boundaries and reports are drawn.</source>
        <translation>Không có bản đồ nền: chỉ vẽ ranh giới và phản ánh.</translation>
    </message>
    <message>
        <source>The base map %1 cannot be read; see the log.</source>
        <translation>Không đọc được bản đồ nền %1; xem nhật ký.</translation>
    </message>
    <message>
        <source>Offline: the tile server cannot be reached. Saved tiles are shown.</source>
        <translation>Mất kết nối: không liên lạc được máy chủ bản đồ. Đang hiển thị các ô bản đồ đã lưu.</translation>
    </message>
    <message>
        <source>The tile server asks to wait. Saved tiles are shown.</source>
        <translation>Máy chủ bản đồ yêu cầu chờ. Đang hiển thị các ô bản đồ đã lưu.</translation>
    </message>
    <message>
        <source>The map cannot be drawn: Qt Quick runs on the software renderer (QT_QUICK_BACKEND=software). Start CivicDesk with OpenGL.</source>
        <translation>Không thể vẽ bản đồ: Qt Quick đang dùng trình kết xuất phần mềm (QT_QUICK_BACKEND=software). Hãy khởi động CivicDesk với OpenGL.</translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <source>Video kept at the source</source>
        <translation>Video lưu ở nguồn</translation>
    </message>
    <message>
        <source>Photo kept at the source</source>
        <translation>Ảnh lưu ở nguồn</translation>
    </message>
    <message>
        <source>Loading video… %1%</source>
        <translation>Đang tải video… %1%</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>Đang tải ảnh…</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Đang tải ảnh xem trước…</translation>
    </message>
    <message>
        <source>Video without a preview</source>
        <translation>Video không có ảnh xem trước</translation>
    </message>
    <message>
        <source>Photo without a preview</source>
        <translation>Ảnh không có ảnh xem trước</translation>
    </message>
    <message>
        <source>Play (%1)</source>
        <translation>Phát (%1)</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Loading the full photo…</source>
        <translation>Đang tải ảnh đầy đủ…</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No report matches these filters.</source>
        <translation>Không có phản ánh nào khớp bộ lọc.</translation>
    </message>
</context>
<context>
    <name>ShortcutRow</name>
    <message>
        <source>default %1</source>
        <translation>mặc định %1</translation>
    </message>
    <message>
        <source>Press a key…</source>
        <translation>Nhấn phím…</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Single keys act while the queue has the keyboard, never in a text field or on the map. Keys with Ctrl or Alt and function keys act everywhere.</source>
        <translation>Phím đơn chỉ có tác dụng khi danh sách phản ánh đang được chọn, không bao giờ trong ô nhập chữ hay trên bản đồ. Phím kèm Ctrl hoặc Alt và các phím chức năng có tác dụng ở mọi nơi.</translation>
    </message>
    <message>
        <source>Press the new key combination. Escape cancels.</source>
        <translation>Nhấn tổ hợp phím mới. Escape để hủy.</translation>
    </message>
    <message>
        <source>Enter: change the key. Delete: default key. Escape: close.</source>
        <translation>Enter: đổi phím. Delete: về phím mặc định. Escape: đóng.</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Đặt lại tất cả</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Claim and open the next report</source>
        <translation>Nhận xử lý và mở phản ánh kế tiếp</translation>
    </message>
    <message>
        <source>Claim the open report, or release it</source>
        <translation>Nhận xử lý phản ánh đang mở, hoặc trả lại</translation>
    </message>
    <message>
        <source>Classify: field and urgency</source>
        <translation>Phân loại: lĩnh vực và mức khẩn</translation>
    </message>
    <message>
        <source>Forward to an agency</source>
        <translation>Chuyển đến đơn vị xử lý</translation>
    </message>
    <message>
        <source>Reject, with a reason</source>
        <translation>Từ chối, kèm lý do</translation>
    </message>
    <message>
        <source>Mark as a duplicate</source>
        <translation>Đánh dấu trùng lặp</translation>
    </message>
    <message>
        <source>Show the reporter&apos;s name and phone</source>
        <translation>Xem họ tên và số điện thoại người phản ánh</translation>
    </message>
    <message>
        <source>Take an assigned report in hand</source>
        <translation>Tiếp nhận phản ánh được chuyển đến</translation>
    </message>
    <message>
        <source>Publish the public response</source>
        <translation>Công bố trả lời công khai</translation>
    </message>
    <message>
        <source>Ask the citizen for more information</source>
        <translation>Hỏi người dân thêm thông tin</translation>
    </message>
    <message>
        <source>Record the citizen&apos;s answer</source>
        <translation>Ghi nhận trả lời của người dân</translation>
    </message>
    <message>
        <source>Ask for more time</source>
        <translation>Đề nghị gia hạn</translation>
    </message>
    <message>
        <source>Return the report to the center</source>
        <translation>Trả phản ánh về trung tâm</translation>
    </message>
    <message>
        <source>Approve or refuse more time</source>
        <translation>Duyệt hoặc từ chối gia hạn</translation>
    </message>
    <message>
        <source>Reopen a rejected, closed or duplicate report</source>
        <translation>Mở lại phản ánh đã từ chối, đã đóng hoặc trùng lặp</translation>
    </message>
    <message>
        <source>Add an internal note</source>
        <translation>Thêm ghi chú nội bộ</translation>
    </message>
    <message>
        <source>Edit the report&apos;s text</source>
        <translation>Sửa nội dung phản ánh</translation>
    </message>
    <message>
        <source>Open the needs-attention list</source>
        <translation>Mở danh sách cần xem lại</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Tìm trong danh sách phản ánh</translation>
    </message>
    <message>
        <source>Go to a ward or commune on the map</source>
        <translation>Đi đến phường, xã trên bản đồ</translation>
    </message>
    <message>
        <source>New report from a hotline call</source>
        <translation>Phản ánh mới qua đường dây nóng</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>Xem các phím tắt</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Agency work</source>
        <translation>Việc của đơn vị xử lý</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Giám sát viên</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <source>No action has the id “%1”.</source>
        <translation>Không có thao tác nào mang mã “%1”.</translation>
    </message>
    <message>
        <source>“%1” is not a key combination.</source>
        <translation>“%1” không phải là tổ hợp phím.</translation>
    </message>
    <message>
        <source>%1 is a sequence of several keys. Press one key combination.</source>
        <translation>%1 là một chuỗi nhiều phím. Hãy nhấn một tổ hợp phím.</translation>
    </message>
    <message>
        <source>%1 alone cannot be a shortcut. Hold it and press another key.</source>
        <translation>Riêng phím %1 không thể làm phím tắt. Hãy giữ phím này và nhấn thêm một phím khác.</translation>
    </message>
    <message>
        <source>%1 is reserved for moving through lists and for confirming or cancelling. Choose another key.</source>
        <translation>%1 được dành để di chuyển trong danh sách và để xác nhận hoặc hủy. Hãy chọn phím khác.</translation>
    </message>
    <message>
        <source>%1 picks a template in the public response. Choose another key.</source>
        <translation>%1 dùng để chọn mẫu trong trả lời công khai. Hãy chọn phím khác.</translation>
    </message>
    <message>
        <source>%1 is a single key, which acts only in the queue, but “%2” acts everywhere. Add Ctrl or Alt, or choose a function key.</source>
        <translation>%1 là phím đơn, chỉ có tác dụng trong danh sách phản ánh, nhưng “%2” có tác dụng ở mọi nơi. Hãy thêm Ctrl hoặc Alt, hoặc chọn một phím chức năng.</translation>
    </message>
    <message>
        <source>%1 is already the key of “%2”.</source>
        <translation>%1 đã là phím của “%2”.</translation>
    </message>
    <message>
        <source>Forward the marked reports</source>
        <translation>Chuyển xử lý các phản ánh đã đánh dấu</translation>
    </message>
    <message>
        <source>Set the field of the marked reports</source>
        <translation>Đặt lĩnh vực cho các phản ánh đã đánh dấu</translation>
    </message>
    <message>
        <source>Reject the marked reports as spam</source>
        <translation>Từ chối các phản ánh đã đánh dấu vì là tin rác</translation>
    </message>
    <message>
        <source>Undo the last bulk change</source>
        <translation>Hoàn tác thay đổi hàng loạt gần nhất</translation>
    </message>
    <message>
        <source>Marked reports</source>
        <translation>Phản ánh đã đánh dấu</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>CivicDesk — sign in</source>
        <translation>CivicDesk — đăng nhập</translation>
    </message>
    <message>
        <source>Sign in to the central database</source>
        <translation>Đăng nhập vào hệ thống trung tâm</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Operator: %1</source>
        <translation>Cán bộ: %1</translation>
    </message>
    <message>
        <source>Central: connected</source>
        <translation>Máy chủ trung tâm: đã kết nối</translation>
    </message>
    <message>
        <source>Central: not connected</source>
        <translation>Máy chủ trung tâm: mất kết nối</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lúc: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Chờ gửi: %1</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Cần xem lại: %1</translation>
    </message>
    <message>
        <source>Central: offline for %1</source>
        <translation>Máy chủ trung tâm: mất kết nối %1</translation>
    </message>
    <message>
        <source>Central: sync stopped</source>
        <translation>Máy chủ trung tâm: ngừng đồng bộ</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Đăng nhập: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>TextPopup</name>
    <message>
        <source>%1 characters; at most %2 are allowed. Shorten the text.</source>
        <translation>%1 ký tự; tối đa %2 ký tự. Hãy rút ngắn nội dung.</translation>
    </message>
    <message>
        <source>Working days more</source>
        <translation>Thêm số ngày làm việc</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message numerus="yes">
        <source>%n urgent report(s) not claimed</source>
        <translation>
            <numerusform>%n phản ánh khẩn chưa ai nhận</numerusform>
        </translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Tiếp nhận: %1</translation>
    </message>
    <message>
        <source>Unmute chime</source>
        <translation>Bật chuông báo</translation>
    </message>
    <message>
        <source>Mute chime</source>
        <translation>Tắt chuông báo</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Phát</translation>
    </message>
</context>
</TS>
