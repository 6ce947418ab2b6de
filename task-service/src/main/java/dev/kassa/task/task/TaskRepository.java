package dev.kassa.task.task;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

    /** Owners and managers see every task ({@code visibleTo} null); others see what they created or were given. */
    @Query("""
            select t from Task t
             where (:visibleTo is null or t.createdBy = :visibleTo or t.assignedTo = :visibleTo)
               and (:status is null or t.status = :status)
               and (:priority is null or t.priority = :priority)
            """)
    Page<Task> visible(Long visibleTo, String status, String priority, Pageable pageable);
}
