package edu.campus.logistics.notifications;

import edu.campus.logistics.notifications.Outbox.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code campus.notifications.mail.*}, from CAMPUS_MAIL_HOST etc.): plain text,
 * UTF-8, the Tasklist link on its own line. Reads its settings at every message.
 */
@Component
class MailChannel implements Channel {

  static final String ID = "email";

  private final NotificationSettings settings;

  MailChannel(NotificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean configured() {
    return settings.getMail().configured();
  }

  @Override
  public void send(Message message) throws DeliveryFailure {
    NotificationSettings.Mail mail = settings.getMail();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(mail.getHost());
    sender.setPort(mail.getPort());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    if (!mail.getUsername().isBlank()) {
      sender.setUsername(mail.getUsername());
      sender.setPassword(mail.getPassword());
    }
    Properties properties = sender.getJavaMailProperties();
    String timeout = String.valueOf(mail.getTimeout().toMillis());
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    properties.put("mail.smtp.auth", String.valueOf(!mail.getUsername().isBlank()));
    properties.put("mail.smtp.starttls.enable", String.valueOf(mail.isStartTls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(mail.isStartTls()));
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
      helper.setFrom(mail.getFrom());
      helper.setTo(message.address());
      helper.setSubject(message.subject());
      helper.setText(message.body() + (message.link() == null ? "" : "\n\n" + message.link()) + "\n\n——学校后勤管理系统");
      sender.send(mime);
    } catch (MailException | jakarta.mail.MessagingException e) {
      throw new DeliveryFailure("邮件服务器未能发送：" + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }
}
